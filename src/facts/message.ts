// The error message proper: from a body when there is one, else the text after a printed code.
import type { ErrorRecord } from './error-body.js';

const AFTER_CODE =
  /(?:InternalError\.Algo\.[A-Za-z.]+|[A-Z][A-Za-z]+(?:\.[A-Za-z]+)+|InvalidApiKey|Arrearage)\s*[:-]\s*([^\n{}]{3,400})/;
const LABELLED = /\bmessage["']?\s*[:=]\s*["']?([^"'\n]{3,400})/i;

export function extractMessage(text: string, records: ErrorRecord[]): string | undefined {
  const fromBody = records.find((r) => r.message)?.message;
  const raw = fromBody ?? AFTER_CODE.exec(text)?.[1] ?? LABELLED.exec(text)?.[1];
  return raw?.trim().replace(/\s+/g, ' ').slice(0, 500) || undefined;
}
