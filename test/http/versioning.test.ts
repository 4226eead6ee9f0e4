// The version on /healthz and in OpenAPI, the bearer scheme Swagger UI's "Authorize" needs, and a clear 400 for a
// batch format the batch cannot answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_KEY_TEXT, readJson, startTestServer, type TestServer } from './server-harness.js';

const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));

describe('version and security scheme', () => {
  let open: TestServer;
  let secured: TestServer;
  const token = 't'.repeat(32);
  beforeAll(async () => {
    open = await startTestServer();
    secured = await startTestServer({ apiTokens: [token] });
  });
  afterAll(async () => {
    await open.close();
    await secured.close();
  });

  it('/healthz and OpenAPI info.version carry the package version', async () => {
    expect(await readJson(await open.get('/healthz'))).toEqual({ status: 'ok', version });
    expect((await readJson(await open.get('/openapi.json'))).info.version).toBe(version);
  });

  it('declares the bearer scheme; /v1 routes require it only when API_TOKENS is set', async () => {
    for (const server of [open, secured]) {
      const doc = await readJson(await server.get('/openapi.json'));
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    }
    const openDoc = await readJson(await open.get('/openapi.json'));
    expect(openDoc.paths['/v1/diagnose'].post.security).toBeUndefined();
    const securedDoc = await readJson(await secured.get('/openapi.json'));
    expect(securedDoc.paths['/v1/diagnose'].post.security).toEqual([{ bearer: [] }]);
    expect(securedDoc.paths['/v1/diagnose/batch'].post.security).toEqual([{ bearer: [] }]);
    expect(securedDoc.paths['/healthz'].get.security).toBeUndefined();
  });
});

describe('POST /v1/diagnose/batch?format=', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });
  const body = { items: [{ text: INVALID_KEY_TEXT }] };

  it.each(['text', 'slack', 'discord', 'yaml'])('format=%s is a 400 that says the batch answers JSON', async (f) => {
    const res = await server.post(`/v1/diagnose/batch?format=${f}`, body);
    expect(res.status).toBe(400);
    const { error } = await readJson(res);
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toMatch(
      /querystring\.format must be json: the batch answers JSON only; .*\/v1\/diagnose\?format=/,
    );
  });

  it('format=json (or none) answers the results', async () => {
    for (const q of ['?format=json', '']) {
      const res = await server.post(`/v1/diagnose/batch${q}`, body);
      expect(res.status).toBe(200);
      expect((await readJson(res)).results[0].diagnoses[0].id).toBe('auth.invalid-api-key');
    }
  });
});
