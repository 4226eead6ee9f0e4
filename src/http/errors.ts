// Every failure the API answers has one shape, {"error": {"code", "message"}}, with a stable code and a
// message that says what to do. Messages pass through redact(): some errors quote what the client sent.

import type { FastifyError } from 'fastify';
import { redact } from '../index.js';

export interface ErrorBody {
  error: { code: string; message: string };
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const SEND_JSON_HINT =
  'send the body as JSON with the header "Content-Type: application/json" ' +
  '(with curl: -H "Content-Type: application/json"); POST /v1/diagnose also takes the raw paste as text/plain';

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message: redact(message).text } };
}

/** Fastify's own error codes -> our status, code and wording. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: SEND_JSON_HINT,
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message: 'the body is empty; send a JSON object such as {"text": "<the error>"}',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON' },
  FST_ERR_BAD_STATUS_CODE: { status: 500, code: 'INTERNAL' },
};

/** Media types a 415 may name; any other value is not repeated (a client can put a key in a header). */
const COMMON_TYPES =
  /^(?:text\/(?:html|xml|csv|markdown)|application\/(?:xml|x-www-form-urlencoded|octet-stream|yaml|x-yaml|x-ndjson)|multipart\/form-data)$/i;

function shownContentType(contentType: string | undefined): string {
  const type = (contentType ?? '').split(';')[0]!.trim();
  if (!type) return 'a body without Content-Type';
  return COMMON_TYPES.test(type) ? `Content-Type "${type}"` : 'this Content-Type';
}

export interface MappedError {
  status: number;
  body: ErrorBody;
}

/** Turn anything thrown while serving a request into a status and an error body. */
export function mapError(
  err: FastifyError | ApiError | Error,
  request: { bodyLimit: number; contentType?: string },
): MappedError {
  if (err instanceof ApiError) return { status: err.statusCode, body: errorBody(err.code, err.message) };
  const fe = err as FastifyError;
  if (fe.code && FASTIFY_ERRORS[fe.code]) {
    const known = FASTIFY_ERRORS[fe.code]!;
    let message = known.message ?? fe.message;
    if (known.status === 413)
      message = `the body is larger than the limit of ${request.bodyLimit} bytes (BODY_LIMIT); send less text — the end of a log is usually enough`;
    if (known.status === 415) message = `${shownContentType(request.contentType)} is not accepted; ${message}`;
    return { status: known.status, body: errorBody(known.code, message) };
  }
  const status = fe.statusCode ?? 500;
  if (status === 429) return { status, body: errorBody('RATE_LIMITED', fe.message) };
  // Fastify's other messages quote what the client sent (a Content-Type, a header): name the error, not the input.
  if (status >= 400 && status < 500)
    return {
      status,
      body: errorBody('BAD_REQUEST', `the request is not valid (${fe.code ?? `HTTP ${status}`}); see GET /docs`),
    };
  // Internal details stay in the log; the client gets the request id to quote.
  return {
    status: 500,
    body: errorBody('INTERNAL', 'the server failed to answer; quote the X-Request-Id header when reporting it'),
  };
}
