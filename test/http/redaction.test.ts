// A pasted key never reaches a log line or a response, whichever way it arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/http/logger.js';
import { knownShapes } from '../adversarial/escaped-secrets.js';
import { fakeKey, INVALID_KEY_TEXT, type Json, readJson, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
const key = fakeKey();
beforeAll(async () => {
  // debug level: the most the server ever logs.
  server = await startTestServer({ logLevel: 'debug', bodyLimit: 2048 });
});
afterAll(async () => {
  await server.close();
});

const sends: [string, () => Promise<Response>][] = [
  ['in the pasted text', () => server.post('/v1/diagnose', { text: `${INVALID_KEY_TEXT} key=${key}` })],
  [
    'as text/plain',
    () => server.post('/v1/diagnose', `Authorization: Bearer ${key}`, { 'content-type': 'text/plain' }),
  ],
  ['in a given fact', () => server.post('/v1/diagnose', { text: INVALID_KEY_TEXT, facts: { baseUrl: key } })],
  ['in ?format=text output', () => server.post('/v1/diagnose?format=text', { text: `${INVALID_KEY_TEXT} ${key}` })],
  [
    'in a batch item',
    () => server.post('/v1/diagnose/batch', { items: [{ text: key }, { text: 1, facts: { model: key } }] }),
  ],
  ['inside malformed JSON', () => server.post('/v1/diagnose', `{"text": "${key}" "oops"}`)],
  ['as an unquoted JSON value', () => server.post('/v1/diagnose', `{"text": ${key}}`)],
  ['in JSON that is not an object', () => server.post('/v1/diagnose', `"${key}"`)],
  ['in an over-limit body', () => server.post('/v1/diagnose', { text: `${key} ${'x'.repeat(3000)}` })],
  ['in the query string', () => server.post(`/v1/diagnose?format=${key}`, { text: INVALID_KEY_TEXT })],
  ['in an unknown path', () => server.get(`/v1/${key}`)],
  ['in a rule id', () => server.get(`/v1/rules/${key}`)],
  ['as the request id', () => server.get('/healthz', { 'x-request-id': key })],
  ['in the Content-Type', () => server.post('/v1/diagnose', 'x', { 'content-type': `application/${key}` })],
];

describe('secret redaction', () => {
  it.each(sends)('a key sent %s is not in the response or the log', async (_how, send) => {
    const before = server.logs.length;
    const res = await send();
    const text = await res.text();
    expect(text).not.toContain(key);
    for (const [, value] of res.headers) expect(value).not.toContain(key);
    // The request's log lines are written by the time the response is read; allow one tick for onResponse.
    await new Promise((r) => setImmediate(r));
    const lines = server.logs.slice(before);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain(key);
  });

  it('tells the caller a secret was found, and leaves the text out of the answer', async () => {
    const body = await readJson(await server.post('/v1/diagnose', { text: `${INVALID_KEY_TEXT} ${key}` }));
    expect(body.secretsFound).toBe(true);
    expect(body.facts).not.toHaveProperty('text');
    expect(JSON.stringify(body)).not.toContain(key);
  });

  it.each([
    ['?echo=true', true],
    ['?echo=false', false],
    ['', false],
  ])('echoes the redacted text in facts.text only on opt-in (%s)', async (query, echoed) => {
    const text = `${INVALID_KEY_TEXT} ${key}`;
    for (const [path, pick] of [
      ['/v1/diagnose', (b: Json) => b.facts],
      ['/v1/diagnose/batch', (b: Json) => b.results[0].facts],
    ] as const) {
      const res = await server.post(path + query, path.endsWith('batch') ? { items: [{ text }] } : { text });
      expect(res.status).toBe(200);
      const facts = pick(await readJson(res));
      if (echoed) expect(facts.text).toContain('[REDACTED]');
      else expect(facts).not.toHaveProperty('text');
      expect(JSON.stringify(facts)).not.toContain(key);
    }
  });

  it('refuses an echo value other than true or false', async () => {
    expect((await server.post('/v1/diagnose?echo=yes', { text: INVALID_KEY_TEXT })).status).toBe(400);
  });

  it('logs no request body at all', async () => {
    const marker = `body-marker-${Date.now()}`;
    await server.post('/v1/diagnose', { text: `${INVALID_KEY_TEXT} ${marker}` });
    await new Promise((r) => setImmediate(r));
    expect(server.logs.join('')).not.toContain(marker);
  });
});

describe('the log sink', () => {
  it('redacts every line on its way out, whatever code logged it (a key in an error message, say)', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (l: string) => lines.push(l) });
    for (const shape of knownShapes(61)) log.error({ detail: shape.line }, `failed: ${shape.line}`);
    const out = lines.join('');
    for (const shape of knownShapes(61)) expect(out, shape.kind).not.toContain(shape.value);
  });
});
