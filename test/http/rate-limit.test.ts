// Per-client rate limiting (RATE_LIMIT_PER_MINUTE): 429 with Retry-After, one bucket per token or IP.
import { afterEach, describe, expect, it } from 'vitest';
import { INVALID_KEY_TEXT, readJson, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('RATE_LIMIT_PER_MINUTE', () => {
  it('answers 429 with Retry-After once a client is over the limit', async () => {
    server = await startTestServer({ rateLimitPerMinute: 2 });
    for (let i = 0; i < 2; i++)
      expect((await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT })).status).toBe(200);
    const res = await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await readJson(res);
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toMatch(/RATE_LIMIT_PER_MINUTE/);
  });

  it('never limits the health probes', async () => {
    server = await startTestServer({ rateLimitPerMinute: 1 });
    for (let i = 0; i < 3; i++) expect((await server.get('/healthz')).status).toBe(200);
    expect((await server.get('/v1/rules')).status).toBe(200);
    expect((await server.get('/v1/rules')).status).toBe(429);
  });

  it('gives each token its own allowance', async () => {
    const tokens = [`t-${'1'.repeat(20)}`, `t-${'2'.repeat(20)}`];
    server = await startTestServer({ rateLimitPerMinute: 1, apiTokens: tokens });
    const as = (t: string) => ({ authorization: `Bearer ${t}` });
    expect((await server.get('/v1/rules', as(tokens[0]!))).status).toBe(200);
    expect((await server.get('/v1/rules', as(tokens[0]!))).status).toBe(429);
    expect((await server.get('/v1/rules', as(tokens[1]!))).status).toBe(200);
  });

  it('behind a trusted proxy (TRUST_PROXY), gives each forwarded client its own allowance', async () => {
    server = await startTestServer({ rateLimitPerMinute: 1, trustProxy: 1 });
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    expect((await server.get('/v1/rules', from('203.0.113.1'))).status).toBe(200);
    expect((await server.get('/v1/rules', from('203.0.113.1'))).status).toBe(429);
    expect((await server.get('/v1/rules', from('203.0.113.2'))).status).toBe(200);
  });

  it('without TRUST_PROXY, a forged X-Forwarded-For does not escape the limit', async () => {
    server = await startTestServer({ rateLimitPerMinute: 1 });
    expect((await server.get('/v1/rules', { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);
    expect((await server.get('/v1/rules', { 'x-forwarded-for': '203.0.113.2' })).status).toBe(429);
  });

  it('is off at 0', async () => {
    server = await startTestServer({ rateLimitPerMinute: 0 });
    for (let i = 0; i < 5; i++) expect((await server.get('/v1/rules')).status).toBe(200);
  });
});
