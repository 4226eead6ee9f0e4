// Bearer-token auth from API_TOKENS: /v1 needs a token, probes and docs stay open.
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBearerAuth } from '../../src/http/auth.js';
import { INVALID_KEY_TEXT, readJson, startTestServer, type TestServer } from './server-harness.js';

// Built at run time: never a literal that looks like a credential.
const tokenA = `test-token-${'a'.repeat(24)}`;
const tokenB = `test-token-${'b'.repeat(24)}`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ apiTokens: [tokenA, tokenB] });
});
afterAll(async () => {
  await server.close();
});

describe('API_TOKENS set', () => {
  it.each([
    ['no Authorization header', {}, /needs a token/],
    ['a wrong token', { authorization: `Bearer ${'c'.repeat(30)}` }, /not one of API_TOKENS/],
    ['another scheme', { authorization: `Basic ${tokenA}` }, /needs a token/],
  ])('refuses %s with 401', async (_name, headers, message) => {
    const res = await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT }, headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const body = await readJson(res);
    expect(body.error.code).toBe('UNAUTHORIZED');
    expect(body.error.message).toMatch(message);
  });

  it.each([tokenA, tokenB])('accepts each configured token', async (token) => {
    const res = await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT }, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
  });

  it('guards every /v1 route', async () => {
    expect((await server.get('/v1/rules')).status).toBe(401);
    expect((await server.get('/v1/rules/auth.invalid-api-key')).status).toBe(401);
    expect((await server.post('/v1/diagnose/batch', { items: [{ text: 'x' }] })).status).toBe(401);
  });

  it('leaves probes, metrics and docs open', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics', '/openapi.json'])
      expect((await server.get(path)).status, path).toBe(200);
  });

  it('never writes a token to the log', async () => {
    await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT }, { authorization: `Bearer ${tokenA}` });
    const log = server.logs.join('');
    expect(log).not.toContain(tokenA);
    expect(log).not.toContain('c'.repeat(30));
  });

  it('documents the bearer scheme in OpenAPI', async () => {
    const doc = await readJson(await server.get('/openapi.json'));
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/v1/diagnose'].post.security).toEqual([{ bearer: [] }]);
  });
});

describe('the client a token names (the rate-limit key)', () => {
  const request = (token: string) => ({ headers: { authorization: `Bearer ${token}` } }) as unknown as FastifyRequest;

  it('is the same for one token whatever its place in API_TOKENS, different per token, and never the token', () => {
    const one = createBearerAuth([tokenA, tokenB]);
    const other = createBearerAuth([tokenB, 'x'.repeat(20), tokenA]);
    expect(one.clientId(request(tokenA))).toBe(other.clientId(request(tokenA)));
    expect(one.clientId(request(tokenB))).toBe(other.clientId(request(tokenB)));
    expect(one.clientId(request(tokenA))).not.toBe(one.clientId(request(tokenB)));
    expect(one.clientId(request(tokenA))).not.toContain(tokenA.slice(-12));
    expect(one.clientId(request('z'.repeat(30)))).toBeUndefined();
  });
});
