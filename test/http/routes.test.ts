// The main routes over a real socket, against the bundled rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { diagnoseResult, diagnosis } from '../../src/http/schemas.js';
import { RENDERERS } from '../../src/render/index.js';
import { toJsonResult } from '../../src/render/json.js';
import { authRules, INVALID_KEY_TEXT, readJson, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('POST /v1/diagnose', () => {
  it('answers the same JSON as the CLI --json', async () => {
    const res = await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await readJson(res);
    expect(body.diagnoses[0].id).toBe('auth.invalid-api-key');
    expect(body.diagnoses[0].code).toBe('InvalidApiKey');
    expect(body).toEqual(
      JSON.parse(JSON.stringify(toJsonResult(await diagnose(INVALID_KEY_TEXT, { rules: authRules() })))),
    );
  });

  it('answers every documented field and no other', async () => {
    const body = await readJson(await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT }));
    expect(Object.keys(body).sort()).toEqual([...diagnoseResult.required].sort());
    expect(Object.keys(body.diagnoses[0]).sort()).toEqual([...diagnosis.required].sort());
  });

  it('lets given facts win over extracted ones', async () => {
    const baseUrl = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1';
    const body = await readJson(await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT, facts: { baseUrl } }));
    expect(body.facts.baseUrl).toBe(baseUrl);
  });

  it('takes the raw paste as text/plain', async () => {
    const res = await server.post('/v1/diagnose', INVALID_KEY_TEXT, { 'content-type': 'text/plain' });
    expect(res.status).toBe(200);
    expect((await readJson(res)).diagnoses[0].id).toBe('auth.invalid-api-key');
  });

  it("reads JSON sent as curl -d's default form encoding", async () => {
    const res = await server.post('/v1/diagnose', JSON.stringify({ text: INVALID_KEY_TEXT }), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    expect((await readJson(res)).diagnoses[0].id).toBe('auth.invalid-api-key');
  });

  it('renders ?format=text as plain text', async () => {
    const res = await server.post('/v1/diagnose?format=text', { text: INVALID_KEY_TEXT });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('InvalidApiKey');
    expect(text).toContain('auth.invalid-api-key');
  });

  it.each(Object.keys(RENDERERS))('answers ?format=%s with that renderer', async (format) => {
    const res = await server.post(`/v1/diagnose?format=${format}`, { text: INVALID_KEY_TEXT });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^(application\/json|text\/plain)/);
    const text = await res.text();
    if (format === 'json') expect(JSON.parse(text).diagnoses[0].id).toBe('auth.invalid-api-key');
    else expect(text).toBe(RENDERERS[format]!.render(await diagnose(INVALID_KEY_TEXT, { rules: authRules() })));
    expect(res.headers.get('content-type')).toBe(RENDERERS[format]!.contentType);
  });

  it('answers a text it cannot match with an empty, unmatched result', async () => {
    const body = await readJson(await server.post('/v1/diagnose', { text: 'the weather is nice today' }));
    expect(body.matched).toBe(false);
  });
});

describe('POST /v1/diagnose/batch', () => {
  it('answers in order, with an error entry for each bad item only', async () => {
    const res = await server.post('/v1/diagnose/batch', {
      items: [{ text: INVALID_KEY_TEXT }, { text: 42 }, { facts: {} }, { text: 'the weather is nice today' }],
    });
    expect(res.status).toBe(200);
    const { results } = await readJson(res);
    expect(results).toHaveLength(4);
    expect(results[0].diagnoses[0].id).toBe('auth.invalid-api-key');
    expect(results[1].error).toEqual({ code: 'INVALID_ITEM', message: expect.stringContaining('items[1].text') });
    expect(results[2].error.message).toContain('items[2].text is required');
    expect(results[3].matched).toBe(false);
  });
});

describe('rules', () => {
  it('lists the loaded rules', async () => {
    const body = await readJson(await server.get('/v1/rules'));
    expect(body.count).toBe(body.rules.length);
    expect(body.rules).toContainEqual(expect.objectContaining({ id: 'auth.invalid-api-key', category: 'auth' }));
  });

  it('shows one rule with its examples', async () => {
    const res = await server.get('/v1/rules/auth.invalid-api-key');
    expect(res.status).toBe(200);
    const rule = await readJson(res);
    expect(rule).toMatchObject({ id: 'auth.invalid-api-key', code: 'InvalidApiKey', severity: expect.any(String) });
    expect(rule.examples.match.length).toBeGreaterThan(0);
    // An example's answer expectation is served with it.
    expect(rule.examples.match).toContainEqual(
      expect.objectContaining({
        expect: expect.objectContaining({ contains: expect.arrayContaining(['Token Plan']) }),
      }),
    );
  });

  it('answers 404 for an unknown rule id', async () => {
    const res = await server.get('/v1/rules/auth.no-such-rule');
    expect(res.status).toBe(404);
    expect((await readJson(res)).error.code).toBe('RULE_NOT_FOUND');
  });
});

describe('operations', () => {
  it('/healthz answers ok', async () => {
    const res = await server.get('/healthz');
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('/readyz reports the loaded rules', async () => {
    const res = await server.get('/readyz');
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.status).toBe('ready');
    expect(body.rules).toBeGreaterThan(0);
  });

  it('/metrics counts requests, latency and diagnoses by rule and category', async () => {
    await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT });
    await server.post('/v1/diagnose', { text: 'the weather is nice today' });
    const res = await server.get('/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/http_requests_total\{method="POST",route="\/v1\/diagnose",status="200"\} [1-9]/);
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="[^"]+",method="POST",route="\/v1\/diagnose"\}/);
    expect(text).toMatch(/bailian_doctor_diagnoses_total\{rule="auth.invalid-api-key",category="auth"\} [1-9]/);
    expect(text).toMatch(/bailian_doctor_unmatched_total [1-9]/);
  });

  it('/docs serves a rendered reference', async () => {
    const res = await server.get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('request ids', () => {
  it('generates one per request, in the X-Request-Id header and the log line', async () => {
    const res = await server.get('/healthz');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.logRecords().some((r) => r.reqId === id && r.msg === 'request')).toBe(true);
  });

  it('keeps a plain id the client sent', async () => {
    const res = await server.get('/healthz', { 'x-request-id': 'gateway-trace.123' });
    expect(res.headers.get('x-request-id')).toBe('gateway-trace.123');
  });

  it('replaces an id that is not plain', async () => {
    const res = await server.get('/healthz', { 'x-request-id': 'a b' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
