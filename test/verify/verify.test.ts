// verify() against the fake Model Studio on 127.0.0.1, in all three protocols: success is "works", and every
// documented error shape comes back diagnosed by the same engine as a paste. The fake stands in for a real host,
// so the facts of that host (host, region, plan) are given, as the configuration would give them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureRegexSafety } from '../../src/knowledge/regex-safety.js';
import { verify } from '../../src/verify/verify.js';
import { type FakeModelStudio, type ShapeName, startFakeModelStudio } from '../fakes/model-studio/index.js';

configureRegexSafety({ recheck: false });

const STANDARD_KEY = `sk-${'5e4d3c2b'.repeat(4)}`;
const PLAN_KEY = `sk-sp-${'1a2b3c4d'.repeat(4)}`;
const PAYG = { host: 'dashscope-intl.aliyuncs.com', region: 'intl', plan: 'standard', keyKind: 'standard' };
const CODING = { host: 'coding.dashscope.aliyuncs.com', region: 'cn', plan: 'coding', keyKind: 'coding-plan' };
const PATHS = { openai: '/compatible-mode/v1', anthropic: '/apps/anthropic', dashscope: '/api/v1' } as const;
type Client = keyof typeof PATHS;

let payg: FakeModelStudio;
let coding: FakeModelStudio;
beforeAll(async () => {
  payg = await startFakeModelStudio();
  coding = await startFakeModelStudio({ plan: 'coding' });
});
afterAll(async () => {
  await payg.stop();
  await coding.stop();
});

describe('verify: success in each protocol', () => {
  it.each([
    ['openai', 'pay-as-you-go', '/compatible-mode/v1', '/compatible-mode/v1/chat/completions'],
    ['anthropic', 'pay-as-you-go', '/apps/anthropic', '/apps/anthropic/v1/messages'],
    ['dashscope', 'pay-as-you-go', '/api/v1', '/api/v1/services/aigc/text-generation/generation'],
    ['openai', 'coding', '/v1', '/v1/chat/completions'],
    ['anthropic', 'coding', '/apps/anthropic', '/apps/anthropic/v1/messages'],
  ] as const)('%s on %s %s → works, one request to %s', async (client, plan, path, endpoint) => {
    const fake = plan === 'coding' ? coding : payg;
    const before = fake.calls.length;
    const key = plan === 'coding' ? PLAN_KEY : STANDARD_KEY;
    const r = await verify({ baseUrl: fake.origin + path, client, model: 'qwen3-coder-plus', key });
    expect(r).toMatchObject({ ok: true, status: 200, model: 'qwen3-coder-plus', client });
    expect(r.ms).toBeGreaterThanOrEqual(0);
    expect(r.diagnosis).toBeUndefined();
    const calls = fake.calls.slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toBe(endpoint);
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${key}`);
    expect(JSON.parse(calls[0]?.body ?? '{}').model).toBe('qwen3-coder-plus');
    expect(r.url).not.toContain(key);
  });
});

const SHAPE_RULES: [ShapeName, string][] = [
  ['invalid-api-key', 'auth.invalid-api-key'],
  ['rate-limit', 'rate_limit.rpm-exceeded'],
  ['token-quota', 'rate_limit.tpm-exceeded'],
  ['arrearage', 'billing.arrearage'],
  ['model-not-found', 'request_validation.model-not-found'],
  ['context-length', 'request_validation.input-over-context-window'],
  ['data-inspection', 'content_safety.data-inspection-failed'],
  ['internal-error', 'server_side.internal-error'],
];

describe('verify: each documented error shape, each protocol, diagnosed', () => {
  const cases = SHAPE_RULES.flatMap(([shape, rule]) =>
    (Object.keys(PATHS) as Client[]).map((client) => [shape, client, rule] as const),
  );
  it.each(cases)('%s in the %s protocol → %s', async (shape, client, rule) => {
    payg.failNext(shape);
    const r = await verify({
      baseUrl: payg.origin + PATHS[client],
      client,
      model: 'qwen-plus',
      key: STANDARD_KEY,
      facts: PAYG,
    });
    expect(r.ok).toBe(false);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.diagnosis?.matched).toBe(true);
    expect(r.diagnosis?.diagnoses[0]?.id).toBe(rule);
    expect(JSON.stringify(r)).not.toContain(STANDARD_KEY);
  });

  it.each(['openai', 'anthropic'] as const)('the Coding Plan 5-hour quota in the %s protocol', async (client) => {
    coding.failNext('coding-plan-hour-quota');
    const path = client === 'openai' ? '/v1' : '/apps/anthropic';
    const r = await verify({
      baseUrl: coding.origin + path,
      client,
      model: 'qwen3-coder-plus',
      key: PLAN_KEY,
      facts: CODING,
    });
    expect(r.diagnosis?.diagnoses[0]?.id).toBe('rate_limit.coding-plan-5h-quota');
  });
});

describe('verify: the mistakes the check names, proven on the wire', () => {
  it('a plan key on a pay-as-you-go host', async () => {
    const r = await verify({
      baseUrl: `${payg.origin}/compatible-mode/v1`,
      client: 'openai',
      model: 'qwen-plus',
      key: PLAN_KEY,
      facts: { ...PAYG, keyKind: 'coding-plan' },
    });
    expect(r.status).toBe(401);
    expect(r.diagnosis?.diagnoses[0]?.id).toBe('auth.coding-plan-key-on-standard-endpoint');
    expect(JSON.stringify(r)).not.toContain(PLAN_KEY);
  });

  it('a standard key on a Coding Plan host', async () => {
    const r = await verify({
      baseUrl: `${coding.origin}/v1`,
      client: 'openai',
      model: 'qwen3-coder-plus',
      key: STANDARD_KEY,
      facts: { ...CODING, keyKind: 'standard' },
    });
    expect(r.status).toBe(401);
    expect(r.diagnosis?.diagnoses[0]?.id).toBe('auth.standard-key-on-coding-endpoint');
  });

  it('Claude Code on the Coding Plan /v1 path (404, no body)', async () => {
    const r = await verify({
      baseUrl: `${coding.origin}/v1`,
      client: 'anthropic',
      model: 'qwen3-coder-plus',
      key: PLAN_KEY,
      facts: CODING,
    });
    expect(r.status).toBe(404);
    expect(r.diagnosis?.diagnoses[0]?.id).toBe('request_validation.coding-plan-anthropic-path');
  });

  it('a model outside the Coding Plan', async () => {
    const r = await verify({
      baseUrl: `${coding.origin}/v1`,
      client: 'openai',
      model: 'qwen-max-latest',
      key: PLAN_KEY,
      facts: CODING,
    });
    expect(r.diagnosis?.diagnoses[0]?.id).toBe('request_validation.coding-plan-model-not-supported');
  });

  it('a model id that does not exist (wrong case)', async () => {
    const r = await verify({
      baseUrl: `${payg.origin}/compatible-mode/v1`,
      client: 'openai',
      model: 'Qwen-Plus',
      key: STANDARD_KEY,
      facts: PAYG,
    });
    expect(r.status).toBe(404);
    expect(r.diagnosis?.diagnoses[0]?.id).toBe('request_validation.model-not-found');
  });

  it('a server that never answers: the short timeout, diagnosed', async () => {
    payg.failNext('hang');
    const r = await verify({
      baseUrl: `${payg.origin}/compatible-mode/v1`,
      client: 'openai',
      model: 'qwen-plus',
      key: STANDARD_KEY,
      timeoutMs: 300,
      facts: PAYG,
    });
    expect(r.ok).toBe(false);
    expect(r.status).toBeUndefined();
    expect(r.error).toContain('timed out after 300 ms');
    expect(r.ms).toBeLessThan(5_000);
    expect(r.diagnosis?.diagnoses[0]?.category).toBe('server_side');
  });

  it('nothing listening: the connection error, diagnosed', async () => {
    const gone = await startFakeModelStudio();
    const origin = gone.origin;
    await gone.stop();
    const r = await verify({
      baseUrl: `${origin}/compatible-mode/v1`,
      client: 'openai',
      model: 'qwen-plus',
      key: STANDARD_KEY,
      timeoutMs: 2_000,
      facts: PAYG,
    });
    expect(r.error).toMatch(/ECONNREFUSED/);
    expect(r.diagnosis?.diagnoses[0]?.id).toBe('server_side.connection-error');
  });
});
