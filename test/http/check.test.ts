// POST /v1/check over a real socket: the CLI's --json answer, a key anywhere in the body refused (and never
// logged or repeated), validation naming the field, and the route behind auth like every /v1 route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureRegexSafety } from '../../src/knowledge/regex-safety.js';
import { readJson, startTestServer, type TestServer } from './server-harness.js';

configureRegexSafety({ recheck: false });

const STANDARD_KEY = `sk-${'7c6b5a49'.repeat(4)}`;
const PLAN_KEY = `sk-sp-${'3e2d1c0b'.repeat(4)}`;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('POST /v1/check', () => {
  it('answers {ok, config, findings} for a plan key prefix on a pay-as-you-go host', async () => {
    const res = await server.post('/v1/check', {
      baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
      model: 'qwen-plus',
      keyPrefix: 'sk-sp-',
    });
    expect(res.status).toBe(200);
    const json = await readJson(res);
    expect(Object.keys(json).sort()).toEqual(['config', 'findings', 'ok']);
    expect(json.ok).toBe(false);
    expect(json.config).toMatchObject({ keyKind: 'coding-plan', region: 'intl', plan: 'standard', client: 'openai' });
    expect(json.findings.map((f: { id: string }) => f.id)).toContain('auth.coding-plan-key-on-standard-endpoint');
    for (const f of json.findings) expect(Object.keys(f).sort()).toEqual(['fix', 'id', 'message', 'severity']);
  });

  it('answers ok for a right configuration', async () => {
    const res = await server.post('/v1/check', {
      baseUrl: 'https://coding-intl.dashscope.aliyuncs.com/apps/anthropic',
      model: 'qwen3-coder-plus',
      keyKind: 'coding-plan',
      client: 'anthropic',
    });
    const json = await readJson(res);
    expect(json).toMatchObject({ ok: true, findings: [] });
  });

  it.each([
    ['as keyPrefix', { baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1', keyPrefix: STANDARD_KEY }],
    ['as a field of its own', { baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1', apiKey: PLAN_KEY }],
    ['inside the base URL', { baseUrl: `https://dashscope.aliyuncs.com/compatible-mode/v1?api_key=${STANDARD_KEY}` }],
    ['as a bearer header in the model', { model: `Authorization: Bearer ${STANDARD_KEY}` }],
    ['as a field name', { [PLAN_KEY]: 'x' }],
  ])('refuses a body with a key %s, says why, never logs or repeats it', async (_how, body) => {
    const before = server.logs.length;
    const res = await server.post('/v1/check', body);
    expect(res.status).toBe(400);
    const text = await res.text();
    const json = JSON.parse(text);
    expect(json.error.code).toBe('KEY_IN_BODY');
    expect(json.error.message).toMatch(/never takes a key.*keyKind.*keyPrefix.*rotate/s);
    const seen = text + server.logs.slice(before).join('');
    for (const key of [STANDARD_KEY, PLAN_KEY]) expect(seen).not.toContain(key.slice(-20));
    await new Promise((r) => setImmediate(r));
    const log = server.logRecords().at(-1);
    expect(log).toMatchObject({ route: '/v1/check', status: 400 });
  });

  it.each([
    [{ baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1', client: 'gemini' }, 'body.client'],
    [{ keyKind: 'premium' }, 'body.keyKind'],
    [{ colour: 'red' }, 'body.colour'],
    [{}, 'body'],
    [{ keyKind: 'standard', keyPrefix: 'sk-' }, 'not both'],
  ])('refuses %j naming the field', async (body, named) => {
    const res = await server.post('/v1/check', body);
    expect(res.status).toBe(400);
    const json = await readJson(res);
    expect(json.error.code).toBe('INVALID_REQUEST');
    expect(json.error.message).toContain(named);
  });

  it('needs a bearer token when API_TOKENS is set', async () => {
    const token = 't'.repeat(32);
    const guarded = await startTestServer({ apiTokens: [token] });
    try {
      const body = { baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1' };
      expect((await guarded.post('/v1/check', body)).status).toBe(401);
      expect((await guarded.post('/v1/check', body, { authorization: `Bearer ${token}` })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
