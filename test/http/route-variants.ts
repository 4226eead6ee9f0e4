// Spellings of one request target that a router might resolve to the same route while a string test on the raw
// `request.url` would not: percent-encoding (single, double, of every character), absolute-form targets,
// trailing slashes, case, dot segments, doubled slashes. Auth and the rate limit must treat each one exactly like
// the route it resolves to — or, when it resolves to nothing, the request must find no route.
import http from 'node:http';

/** Percent-encode every character of a path except the slashes. */
const encodeAll = (path: string) =>
  path.replace(/[^/]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

export function targetVariants(path: string): Array<[string, string]> {
  const rest = path.slice('/v1'.length); // e.g. "/diagnose"
  return [
    ['as routed', path],
    ['"v" and "1" percent-encoded', `/%76%31${rest}`],
    ['"1" percent-encoded', `/v%31${rest}`],
    ['every character percent-encoded', encodeAll(path)],
    ['every character percent-encoded, lower-case hex', encodeAll(path).toLowerCase()],
    ['double-encoded', `/%2576%2531${rest}`],
    ['absolute-form target', `http://x${path}`],
    ['absolute-form target, encoded', `http://x/%76%31${rest}`],
    ['absolute-form https with port', `https://example.test:443${path}`],
    ['trailing slash', `${path}/`],
    ['upper-case V1', `/V1${rest}`],
    ['upper-case path', path.toUpperCase()],
    ['encoded upper-case', `/%56%31${rest}`],
    ['dot segment', `/v1/.${rest}`],
    ['parent dot segment', `/x/..${path}`],
    ['encoded dot segment', `/x/%2e%2e${path}`],
    ['doubled leading slash', `/${path}`],
    ['doubled inner slash', `/v1/${rest}`],
    ['encoded slash', `/v1%2F${rest.slice(1)}`],
    ['query string', `${path}?a=1`],
    ['semicolon', `${path};a=1`],
    ['fragment', `${path}#x`],
  ];
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Send a request with the target written exactly as given (fetch() would normalise it; an attacker's client does
 * not).
 */
export function rawRequest(
  port: number,
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = options.body ?? '';
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: target,
        headers: {
          ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
          ...options.headers,
        },
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
