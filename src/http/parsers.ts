// Body parsers. JSON errors say where the body broke (line and column), never quoting it: a malformed body
// may hold a pasted key, and V8's own message includes a snippet of the input.
import type { FastifyInstance } from 'fastify';
import { decodeBytes } from '../index.js';
import { ApiError, SEND_JSON_HINT } from './errors.js';

function where(raw: string, message: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m)
    return /Unexpected end/.test(message) ? 'it ends too early (a missing quote, } or ]?)' : 'it is not valid JSON';
  const pos = Number(m[1]);
  const before = raw.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `it breaks at line ${line}, column ${column}`;
}

/** Drop the part of V8's message that quotes the input (`, "…" is not valid JSON`, ` in JSON at position N…`). */
function withoutInput(message: string): string {
  const quoted = message.indexOf(', "');
  if (quoted >= 0 && message.endsWith('" is not valid JSON')) return message.slice(0, quoted);
  const at = message.indexOf(' in JSON at position ');
  return at >= 0 ? message.slice(0, at) : message;
}

/** Why JSON.parse failed, without any of the input. */
function describeJsonError(raw: string, err: Error): string {
  const reason = withoutInput(err.message).replace(/^Unexpected token '?(.)'?.*$/, 'unexpected character');
  const detail = where(raw, err.message);
  const hint = raw.trimStart().startsWith('{')
    ? 'check the quotes and escape newlines in "text" as \\n'
    : 'the body must be a JSON object such as {"text": "<the error>"}';
  return `the body is not valid JSON: ${reason.toLowerCase()}; ${detail}; ${hint}`;
}

// Prototype-poisoning guard: JSON.parse keeps "__proto__" as an own key, which later object spreads could honour.
const dropProto = (key: string, value: unknown) => (key === '__proto__' ? undefined : value);

function parseJsonBody(raw: string): unknown {
  if (raw.trim() === '') throw new ApiError(400, 'INVALID_JSON', 'the body is empty; send {"text": "<the error>"}');
  try {
    return raw.includes('__proto__') ? JSON.parse(raw, dropProto) : JSON.parse(raw);
  } catch (err) {
    throw new ApiError(400, 'INVALID_JSON', describeJsonError(raw, err as Error));
  }
}

/**
 * Replace Fastify's JSON parser (its message names no position) and drop its text/plain parser.
 * `curl URL -d '{"text": …}'` sends JSON labelled as a form; a form body that is a JSON object is read as
 * JSON so the most common first try works. Any other form body is refused with the header to send.
 */
export function installJsonParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const json = (_req: unknown, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  };
  app.addContentTypeParser('application/json', { parseAs: 'string' }, json);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (req, body, done) => {
    if ((body as string).trimStart().startsWith('{')) return json(req, body, done);
    done(
      new ApiError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Type "application/x-www-form-urlencoded" is not accepted; ${SEND_JSON_HINT}`,
      ),
    );
  });
}

/**
 * text/plain on /v1/diagnose: the whole body is the pasted error (`curl --data-binary @error.log`). A `charset`
 * the client names is used; otherwise the bytes decide, as for the CLI: a log saved by PowerShell (UTF-16) or on a
 * Chinese-locale Windows (GBK) is read as text, not as binary.
 */
export function installTextParser(app: FastifyInstance): void {
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (req, body, done) => {
    done(null, { text: decodeBody(body as Buffer, req.headers['content-type']) });
  });
}

function decodeBody(bytes: Buffer, contentType: string | undefined): string {
  const charset = /;\s*charset="?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  // utf-8 is what every client claims by default; the bytes are the better witness then.
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // A charset TextDecoder does not know: fall back to detection.
    }
  }
  return decodeBytes(bytes).text;
}
