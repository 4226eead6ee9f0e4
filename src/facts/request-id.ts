// The request id Model Studio returns (support asks for it).
import { anchorGate } from './anchors.js';
import type { ErrorRecord } from './error-body.js';

const REQUEST_ID =
  /(?:\b(?:request[ _-]?id|requestId|x-request-id|RequestId)|请求ID)["']?\s*[:=：]\s*["']?([A-Za-z0-9][A-Za-z0-9-]{7,63})/i;

const REQUEST_ID_GATE = anchorGate(REQUEST_ID);

export function extractRequestId(text: string, records: ErrorRecord[]): string | undefined {
  return (
    records.find((r) => r.requestId)?.requestId ?? (REQUEST_ID_GATE(text) ? REQUEST_ID.exec(text)?.[1] : undefined)
  );
}
