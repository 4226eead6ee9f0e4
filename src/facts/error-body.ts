// Reads the error fields out of parsed bodies, whatever their wire shape.
import type { JsonObject } from './json-bodies.js';
import { isKnownCode, normalizeCode } from './known-codes.js';

export interface ErrorRecord {
  shape: string;
  status?: number;
  code?: string;
  message?: string;
  requestId?: string;
  type?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : undefined;
  return n !== undefined && n >= 100 && n <= 599 ? n : undefined;
};

/** Interpret one parsed object as an error record, or undefined when it holds no error fields. */
export function readErrorBody(obj: JsonObject): ErrorRecord | undefined {
  const inner = obj.error && typeof obj.error === 'object' ? (obj.error as JsonObject) : undefined;
  // `rid` / `errorType`: the DashScope-backed web search qwen-code calls answers in that shape.
  const requestId = str(obj.request_id) ?? str(obj.requestId) ?? str(obj.RequestId) ?? str(obj.rid);
  if (inner) {
    // OpenAI-compatible `{"error":{…}}`, Anthropic `{"type":"error","error":{…}}`.
    const shape = obj.type === 'error' ? 'anthropic' : 'openai';
    return {
      shape,
      code: str(inner.code),
      message: str(inner.message),
      type: str(inner.type),
      // one-api / new-api relays put the upstream status in `param` of an `upstream_error`.
      status:
        num(obj.status) ??
        num(inner.status) ??
        num(inner.code) ??
        (inner.type === 'upstream_error' ? num(inner.param) : undefined),
      requestId,
    };
  }
  // The WebSocket API's failure frame keeps its error in the header: `{"header":{"event":"task-failed",
  // "task_id":…,"error_code":…,"error_message":…},"payload":{}}`.
  const header = obj.header && typeof obj.header === 'object' ? (obj.header as JsonObject) : undefined;
  if (header && (header.event === 'task-failed' || str(header.error_code))) {
    return {
      shape: 'dashscope-ws',
      code: str(header.error_code),
      message: str(header.error_message),
      requestId: str(header.task_id) ?? requestId,
    };
  }
  const errors = obj.errors && typeof obj.errors === 'object' ? (obj.errors as JsonObject) : undefined;
  if (errors) return { shape: 'errors', message: str(errors.message), requestId: str(errors.request_id) ?? requestId };
  const errorType = str(obj.errorType);
  // The web-search service's `errorType` (`THROTTLING.userQPSLimit`) is its code: it names the limit hit.
  const code = str(obj.code) ?? str(obj.Code) ?? errorType;
  // `status_message` is what the model-serving layer sends inside a `<5000202>` wrapper.
  const message = str(obj.message) ?? str(obj.Message) ?? str(obj.msg) ?? str(obj.status_message);
  const status = num(obj.status_code) ?? num(obj.statusCode) ?? num(obj.status) ?? num(obj.code);
  if (!code && !message && status === undefined && !errorType) return undefined;
  const shape =
    'isJson' in obj || 'statusCode' in obj ? 'java-sdk' : obj.object === 'error' ? 'openai-server' : 'dashscope';
  return { shape, code, message, status, requestId, type: str(obj.type) ?? str(obj.status_name) ?? errorType };
}

/**
 * Records from all bodies, most informative first: a Model Studio code beats any other string code (so the inner
 * provider body of a litellm / gateway wrapper decides the code), which beats a bare message.
 */
export function readErrorBodies(bodies: JsonObject[]): ErrorRecord[] {
  const records = bodies.map(readErrorBody).filter((r): r is ErrorRecord => r !== undefined);
  if (records.length < 2) return records; // most pastes hold one body or none: nothing to order
  const known = (r: ErrorRecord) => r.code !== undefined && isKnownCode(normalizeCode(r.code));
  const score = (r: ErrorRecord) => (known(r) ? 8 : 0) + (r.code ? 4 : 0) + (r.message ? 2 : 0) + (r.status ? 1 : 0);
  return records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => score(b.r) - score(a.r) || a.i - b.i)
    .map(({ r }) => r);
}
