// /openapi.json is a valid OpenAPI 3.1 document describing every route the server answers.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('GET /openapi.json', () => {
  it('is valid OpenAPI 3.1', async () => {
    const doc = await readJson(await server.get('/openapi.json'));
    expect(doc.openapi).toMatch(/^3\.1\./);
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every API route', async () => {
    const doc = await readJson(await server.get('/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/diagnose',
        '/v1/diagnose/batch',
        '/v1/rules',
        '/v1/rules/{id}',
        '/healthz',
        '/readyz',
        '/metrics',
      ]),
    );
  });

  it('documents the batch items as diagnose requests, and the error shape', async () => {
    const doc = await readJson(await server.get('/openapi.json'));
    const batch = doc.paths['/v1/diagnose/batch'].post;
    const items = batch.requestBody.content['application/json'].schema.properties.items;
    expect(items.maxItems).toBe(100);
    expect(items.items.required).toEqual(['text']);
    const diag = doc.paths['/v1/diagnose'].post;
    expect(diag.responses['400'].content['application/json'].schema.required).toEqual(['error']);
    expect(Object.keys(diag.requestBody.content)).toEqual(expect.arrayContaining(['application/json', 'text/plain']));
    expect(diag.requestBody.content['text/plain'].schema.type).toBe('string');
  });
});
