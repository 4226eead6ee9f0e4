// Every key kind × every documented host (both regions, both plans, workspace and trial hosts, Anthropic and native
// paths) × a correct and a wrong model id. The expectations are written from the docs' base URL tables
// (/work/shared/reference/error-codes.md §4), not from src/, so a change in the host table or the rules shows here.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/check/check.js';
import type { ClientProtocol, KeyKindSeen } from '../../src/check/types.js';
import { defaultRuleSet } from '../../src/diagnose/diagnose.js';
import { configureRegexSafety } from '../../src/knowledge/regex-safety.js';

configureRegexSafety({ recheck: false });
beforeAll(() => void defaultRuleSet());

type Plan = 'pay-as-you-go' | 'plan';
interface Host {
  name: string;
  plan: Plan;
  region: string;
  urls: Partial<Record<ClientProtocol, string>>;
}

const payg = (name: string, region: string, origin: string, anthropic = true): Host => ({
  name,
  plan: 'pay-as-you-go',
  region,
  urls: {
    openai: `${origin}/compatible-mode/v1`,
    ...(anthropic ? { anthropic: `${origin}/apps/anthropic` } : {}),
    dashscope: `${origin}/api/v1`,
  },
});
const plan = (name: string, region: string, origin: string, openaiPath: string): Host => ({
  name,
  plan: 'plan',
  region,
  urls: { openai: `${origin}${openaiPath}`, anthropic: `${origin}/apps/anthropic` },
});

const HOSTS: Host[] = [
  payg('pay-as-you-go China (Beijing)', 'cn', 'https://dashscope.aliyuncs.com'),
  payg('pay-as-you-go Singapore', 'intl', 'https://dashscope-intl.aliyuncs.com'),
  payg('pay-as-you-go US (Virginia)', 'us', 'https://dashscope-us.aliyuncs.com'),
  payg('pay-as-you-go China (Hong Kong)', 'cn-hongkong', 'https://cn-hongkong.dashscope.aliyuncs.com'),
  payg('Financial Cloud', 'cn-finance', 'https://dashscope-finance.aliyuncs.com', false),
  payg('workspace Beijing', 'cn', 'https://llm-ab12cd.cn-beijing.maas.aliyuncs.com'),
  payg('workspace Singapore', 'intl', 'https://llm-ab12cd.ap-southeast-1.maas.aliyuncs.com'),
  payg('workspace Tokyo', 'jp', 'https://llm-ab12cd.ap-northeast-1.maas.aliyuncs.com'),
  payg('workspace Frankfurt', 'eu', 'https://llm-ab12cd.eu-central-1.maas.aliyuncs.com'),
  payg('trial Beijing', 'cn', 'https://trial.cn-beijing.maas.aliyuncs.com'),
  plan('Coding Plan China', 'cn', 'https://coding.dashscope.aliyuncs.com', '/v1'),
  plan('Coding Plan Global', 'intl', 'https://coding-intl.dashscope.aliyuncs.com', '/v1'),
  plan('Token Plan China (Beijing)', 'cn', 'https://token-plan.cn-beijing.maas.aliyuncs.com', '/compatible-mode/v1'),
  plan('Token Plan Singapore', 'intl', 'https://token-plan.ap-southeast-1.maas.aliyuncs.com', '/compatible-mode/v1'),
];

const KEY_KINDS: { kind: KeyKindSeen; length: 'typical' | 'short' | 'empty' }[] = [
  { kind: 'standard', length: 'typical' },
  { kind: 'coding-plan', length: 'typical' },
  { kind: 'unrecognised', length: 'short' },
  { kind: 'missing', length: 'empty' },
];
const MODELS = [
  { model: 'qwen3-coder-plus', wrong: false },
  { model: 'Qwen3-Coder-Plus', wrong: true },
];

/** What the docs say about a key on a host: plan keys (sk-sp-) only on plan hosts, standard keys only elsewhere. */
function expectedKeyFinding(host: Host, kind: KeyKindSeen): string | undefined {
  if (kind === 'missing') return 'key.missing';
  if (kind === 'unrecognised') return 'key.unrecognised';
  if (kind === 'coding-plan' && host.plan === 'pay-as-you-go') return 'auth.coding-plan-key-on-standard-endpoint';
  if (kind === 'standard' && host.plan === 'plan') return 'auth.standard-key-on-coding-endpoint';
  return undefined;
}

const cases = HOSTS.flatMap((host) =>
  (Object.entries(host.urls) as [ClientProtocol, string][]).flatMap(([client, baseUrl]) =>
    KEY_KINDS.flatMap((key) => MODELS.map((m) => ({ host, client, baseUrl, key, ...m }))),
  ),
);

describe('check matrix: key kind × host × path × model', () => {
  it('covers every host, both plans and all three protocols', () => {
    expect(cases.length).toBe(HOSTS.reduce((n, h) => n + Object.keys(h.urls).length, 0) * 4 * 2);
    expect(new Set(cases.map((c) => c.client))).toEqual(new Set(['openai', 'anthropic', 'dashscope']));
  });

  it.each(cases.map((c) => [`${c.host.name} ${c.client} key=${c.key.kind} model=${c.model}`, c] as const))(
    '%s',
    async (_name, c) => {
      const result = await checkConfig({
        baseUrl: c.baseUrl,
        client: c.client,
        model: c.model,
        keyKind: c.key.kind,
        keyLength: c.key.length,
      });
      const expected = [expectedKeyFinding(c.host, c.key.kind), c.wrong ? 'model.case' : undefined].filter(Boolean);
      const problems = result.findings.filter((f) => f.severity !== 'info').map((f) => f.id);
      expect(problems.sort()).toEqual(expected.sort());
      expect(result.ok).toBe(expected.length === 0);
      expect(result.config.region).toBe(c.host.region);
      expect(result.config.client).toBe(c.client);
      for (const f of result.findings) {
        expect(f.message.length).toBeGreaterThan(10);
        expect(f.fix.length).toBeGreaterThan(5);
      }
      if (c.wrong) expect(result.findings.find((f) => f.id === 'model.case')?.fix).toContain('qwen3-coder-plus');
    },
  );
});

describe('check matrix: a path of another protocol or plan', () => {
  it.each([
    // Claude Code given the OpenAI path of the Coding Plan: the guide's commonest 404.
    ['anthropic', 'https://coding.dashscope.aliyuncs.com/v1', 'path.wrong-protocol', '/apps/anthropic'],
    ['anthropic', 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', 'path.wrong-protocol', '/apps/anthropic'],
    [
      'openai',
      'https://coding.dashscope.aliyuncs.com/compatible-mode/v1',
      'path.wrong-for-plan',
      'coding.dashscope.aliyuncs.com/v1',
    ],
    ['openai', 'https://dashscope.aliyuncs.com/v1', 'path.wrong-for-plan', 'dashscope.aliyuncs.com/compatible-mode/v1'],
    ['openai', 'https://dashscope-intl.aliyuncs.com/apps/anthropic', 'path.wrong-protocol', '/compatible-mode/v1'],
    ['openai', 'https://dashscope.aliyuncs.com/api/v1', 'path.wrong-protocol', '/compatible-mode/v1'],
    ['dashscope', 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', 'path.wrong-protocol', '/api/v1'],
    ['dashscope', 'https://coding.dashscope.aliyuncs.com/v1', 'path.protocol-not-served', 'OpenAI-compatible'],
    ['openai', 'https://dashscope.aliyuncs.com/compatible-mode/v1/v1', 'base-url.doubled-path', 'compatible-mode/v1'],
    [
      'openai',
      'https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions',
      'base-url.endpoint-appended',
      'https://dashscope.aliyuncs.com/compatible-mode/v1',
    ],
    ['openai', 'dashscope-intl.aliyuncs.com/compatible-mode/v1', 'base-url.no-scheme', 'https://dashscope-intl'],
    ['openai', '"https://dashscope.aliyuncs.com/compatible-mode/v1"', 'base-url.quoted', 'no quotes'],
    [
      'openai',
      'https://{WorkspaceId}.cn-beijing.maas.aliyuncs.com/compatible-mode/v1',
      'base-url.placeholder',
      'workspace id',
    ],
    ['openai', 'https://api.openai.com/v1', 'base-url.not-model-studio', 'dashscope'],
    [
      'anthropic',
      'https://dashscope.aliyuncs.com/api/v2/apps/claude-code-proxy',
      'request_validation.coding-plan-anthropic-path',
      '/apps/anthropic',
    ],
  ] as const)('%s client on %s → %s', async (client, baseUrl, id, inFix) => {
    const result = await checkConfig({
      baseUrl,
      client,
      model: 'qwen-plus',
      keyKind: 'standard',
      keyLength: 'typical',
    });
    const f = result.findings.find((x) => x.id === id);
    expect(f, JSON.stringify(result.findings)).toBeDefined();
    expect(f?.severity).toBe('error');
    expect(result.ok).toBe(false);
    expect(`${f?.fix} ${f?.message}`).toContain(inFix);
  });

  it('tells the protocol from the path when no client is given', async () => {
    const anthropic = await checkConfig({ baseUrl: 'https://coding-intl.dashscope.aliyuncs.com/apps/anthropic' });
    expect(anthropic.config).toMatchObject({ client: 'anthropic', clientFrom: 'path', plan: 'coding', region: 'intl' });
    const native = await checkConfig({ baseUrl: 'https://dashscope.aliyuncs.com/api/v1' });
    expect(native.config).toMatchObject({ client: 'dashscope', clientFrom: 'path' });
  });
});

describe('check matrix: key region × host region', () => {
  it.each([
    ['intl', 'https://dashscope.aliyuncs.com/compatible-mode/v1', true],
    ['cn', 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', true],
    ['us', 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', true],
    ['cn', 'https://dashscope-finance.aliyuncs.com/compatible-mode/v1', true],
    ['cn-finance', 'https://dashscope.aliyuncs.com/compatible-mode/v1', true],
    ['intl', 'https://dashscope-finance.aliyuncs.com/compatible-mode/v1', true],
    ['cn-finance', 'https://dashscope-finance.aliyuncs.com/compatible-mode/v1', false],
    ['intl', 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', false],
    ['cn', 'https://dashscope.aliyuncs.com/compatible-mode/v1', false],
  ] as const)('key from %s on %s → mismatch %s', async (keyRegion, baseUrl, mismatch) => {
    const result = await checkConfig({ baseUrl, keyRegion, keyKind: 'standard', model: 'qwen-plus' });
    expect(result.findings.some((f) => f.id === 'auth.key-region-mismatch')).toBe(mismatch);
    expect(result.ok).toBe(!mismatch);
  });
});

describe('check: model ids', () => {
  it.each([
    ['qwen-plus ', 'model.whitespace', 'error'],
    ['QWEN-MAX', 'model.case', 'error'],
    ['claude-sonnet-4-5', 'model.not-served', 'error'],
    ['gpt-4o', 'model.not-served', 'error'],
    ['qwen-imaginary-9', 'model.unknown', 'info'],
  ] as const)('%j → %s (%s)', async (model, id, severity) => {
    const result = await checkConfig({ baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', model });
    expect(result.findings.find((f) => f.id === id)?.severity).toBe(severity);
  });

  it('asks Claude Code users for ANTHROPIC_MODEL', async () => {
    const result = await checkConfig({
      baseUrl: 'https://coding.dashscope.aliyuncs.com/apps/anthropic',
      keyKind: 'coding-plan',
    });
    expect(result.findings.find((f) => f.id === 'model.missing')).toMatchObject({ severity: 'warning' });
    expect(result.ok).toBe(false);
  });

  it('without a base URL: the OpenAI default is not Model Studio, the DashScope default is Beijing', async () => {
    const openai = await checkConfig({ client: 'openai', model: 'qwen-plus', keyKind: 'standard' });
    expect(openai.findings.find((f) => f.id === 'base-url.missing')?.severity).toBe('error');
    const dashscope = await checkConfig({ client: 'dashscope', model: 'qwen-plus', keyKind: 'coding-plan' });
    expect(dashscope.config.region).toBe('cn');
    expect(dashscope.findings.map((f) => f.id)).toContain('auth.coding-plan-key-on-standard-endpoint');
  });
});
