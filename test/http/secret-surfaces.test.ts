// Known and unknown credential shapes through every HTTP field and header, and every answer, header and log line.
// An unknown shape cannot be redacted, so it must never be echoed: not in facts.text (off by default), the
// X-Request-Id, a 415 message, a schema error, a 404, or the log line of a query string.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCAPES, knownShapes, leaks, unknownShape } from '../adversarial/escaped-secrets.js';
import { rawRequest } from './route-variants.js';
import { INVALID_KEY_TEXT, startTestServer, type TestServer } from './server-harness.js';

const token = `test-token-${'s'.repeat(24)}`;
const auth = { authorization: `Bearer ${token}` };

let server: TestServer;
let port: number;
beforeAll(async () => {
  server = await startTestServer({ apiTokens: [token], logLevel: 'debug' });
  port = Number(new URL(server.base).port);
});
afterAll(async () => {
  await server.close();
});

/** Everything a client and an operator can see of one request. */
async function seen(
  method: string,
  target: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; all: string }> {
  const before = server.logs.length;
  const res = await rawRequest(port, method, target, { body, headers: { ...auth, ...headers } });
  await new Promise((r) => setImmediate(r));
  return {
    status: res.status,
    all: `${JSON.stringify(res.headers)}\n${res.body}\n${server.logs.slice(before).join('')}`,
  };
}

describe('known shapes', () => {
  it('never come back from any route, field or escape context', async () => {
    const leaked: string[] = [];
    const contexts = Object.entries(ESCAPES);
    for (const [i, shape] of knownShapes(21).entries()) {
      const [name, wrap] = contexts[i % contexts.length]!;
      const text = `${INVALID_KEY_TEXT}\n${wrap(shape.line)}`;
      const facts = { models: [shape.line], headers: [shape.line], baseUrl: shape.line };
      for (const [target, body] of [
        ['/v1/diagnose?echo=true', JSON.stringify({ text, facts })],
        ['/v1/diagnose?format=text', JSON.stringify({ text })],
        ['/v1/diagnose/batch?echo=true', JSON.stringify({ items: [{ text, facts }] })],
      ] as const) {
        const { status, all } = await seen('POST', target, body);
        expect(status).toBe(200);
        if (leaks(all, shape.value)) leaked.push(`${shape.kind} / ${name} / ${target}`);
      }
    }
    expect(leaked).toEqual([]);
  });
});

describe('an unknown shape', () => {
  const secret = unknownShape(22).value;

  it.each([
    [
      'in the text (facts.text is off by default)',
      'POST',
      '/v1/diagnose',
      JSON.stringify({ text: `${INVALID_KEY_TEXT}\n${secret}` }),
      {},
    ],
    ['as X-Request-Id', 'POST', '/v1/diagnose', JSON.stringify({ text: 'x' }), { 'x-request-id': secret }],
    ['in the Content-Type (415)', 'POST', '/v1/diagnose', 'x', { 'content-type': `application/${secret}` }],
    ['as a field name (schema error)', 'POST', '/v1/diagnose', JSON.stringify({ text: 'x', [secret]: 1 }), {}],
    ['in the path (404)', 'GET', `/v1/${secret}`, undefined, {}],
    ['in a query string (log line)', 'GET', `/v1/rules?token=${encodeURIComponent(secret)}`, undefined, {}],
    [
      'in an unlabelled query parameter (log line)',
      'GET',
      `/v1/rules?state=${encodeURIComponent(secret)}`,
      undefined,
      {},
    ],
    ['percent-encoded in the path (log line)', 'GET', `/healthz/${encodeURIComponent(secret)}`, undefined, {}],
  ])('%s is never echoed in the answer, a header or a log line', async (_name, method, target, body, headers) => {
    const { all } = await seen(method, target, body, headers as Record<string, string>);
    expect(all).not.toContain(secret);
    expect(all).not.toContain(encodeURIComponent(secret));
  });

  it('keeps a plain client request id', async () => {
    const res = await rawRequest(port, 'GET', '/healthz', { headers: { 'x-request-id': 'req-42' } });
    expect(res.headers['x-request-id']).toBe('req-42');
  });
});
