// Redaction: every kind we promise to redact is caught in the contexts people paste it in, and code-heavy
// text with key-like words, placeholders and variable names is left alone (a false fire tells someone to rotate
// a key they never leaked).
import { describe, expect, it } from 'vitest';
import { keyKindOf, redact } from '../../src/text/redact.js';
import { leakedIn, plantedCorpus, secretValues } from './planted-secrets.js';

describe('redact: planted secrets', () => {
  const corpus = plantedCorpus();

  it.each(corpus.map((p) => [p.kind, p.text.split('\n').slice(-2)[0], p] as const))(
    '%s is removed from "%s"',
    (_kind, _shown, planted) => {
      const { text, findings } = redact(planted.text);
      expect(leakedIn(text, [planted])).toEqual([]);
      expect(findings.length).toBeGreaterThan(0);
    },
  );

  it('covers every kind named in SECURITY.md', () => {
    const kinds = new Set(corpus.map((p) => p.kind));
    for (const { kind } of secretValues(1)) expect(kinds).toContain(kind);
  });

  it('reports kinds, never values', () => {
    for (const planted of corpus) {
      const { findings } = redact(planted.text);
      expect(JSON.stringify(findings)).not.toContain(planted.value);
    }
  });

  it('tells a Coding Plan key from a standard key', () => {
    const [std, plan] = secretValues(5);
    expect(keyKindOf(redact(`key ${std?.value}`).findings)).toBe('standard');
    expect(keyKindOf(redact(`key ${plan?.value}`).findings)).toBe('coding-plan');
    expect(keyKindOf(redact(`${std?.value} ${plan?.value}`).findings)).toBe('coding-plan');
  });

  it('catches a key glued to punctuation or an underscore, and a key split by invisible characters is not our concern here', () => {
    const [std] = secretValues(8);
    for (const glue of ['=', '_', '"', "'", '(', ':', '/', '\t'])
      expect(redact(`KEY${glue}${std?.value}`).text).not.toContain(std?.value);
  });

  it('redacts every occurrence, not just the first', () => {
    const [std] = secretValues(11);
    const { text, findings } = redact(`${std?.value}\n${std?.value}\n${std?.value}`);
    expect(text).not.toContain(std?.value);
    expect(findings).toHaveLength(3);
  });

  it('redacts a bearer token made of letters only, once it is as long as an API token', () => {
    const token = 'mysupersecretapitoken';
    expect(redact(`Authorization: Bearer ${token}`).text).not.toContain(token);
    expect(redact(`authorization: bearer ${token.toUpperCase()}`).text).not.toContain(token.toUpperCase());
  });

  it('redacts a Slack webhook URL', () => {
    const url = `https://hooks.slack.com/services/T0${'1234567'}/B0${'7654321'}/${'a1B2c3D4e5F6g7H8i9J0k1L2'}`;
    expect(redact(`posting to ${url}`).text).not.toContain('a1B2c3D4e5F6g7H8');
  });
});

describe('redact: no false fires on code-heavy text', () => {
  const clean = [
    'risk-assessment task-manager desk-organizer kiosk-mode-enabled-for-everyone disk-usage-threshold-exceeded',
    'client = OpenAI(api_key=os.getenv("DASHSCOPE_API_KEY"), base_url="https://dashscope.aliyuncs.com/compatible-mode/v1")',
    "const client = new OpenAI({ apiKey: process.env.DASHSCOPE_API_KEY, baseURL: 'https://dashscope-intl.aliyuncs.com' });",
    'curl -H "Authorization: Bearer $DASHSCOPE_API_KEY" -H "Content-Type: application/json"',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable, pasted as is
    'curl -H "Authorization: Bearer ${DASHSCOPE_API_KEY}" https://dashscope.aliyuncs.com/api/v1/services/aigc',
    'export DASHSCOPE_API_KEY=sk-xxx',
    `export DASHSCOPE_API_KEY="sk-${'x'.repeat(32)}"`,
    'api_key="sk-your-api-key-here"',
    'DASHSCOPE_API_KEY=sk-your-dashscope-api-key',
    'ANTHROPIC_AUTH_TOKEN=sk-sp-xxxxxxxxxxxxxxxxxxxx',
    'api_key = settings.dashscope_api_key_for_production',
    'api_key: YOUR_DASHSCOPE_API_KEY_HERE',
    '"api_key": "<your-api-key>"',
    'Authorization: Bearer <token>',
    'Authorization: Bearer {api_key}',
    'The Bearer authentication scheme failed: please check your credentials carefully',
    'max_tokens=2048, input_tokens: 129024, total_tokens = 131072',
    'Throttling.RateQuota: Requests rate limit exceeded, please try again later. request_id: 0ba5a4c1-3f1e-9d4b-b0b1-2d0ff3a4e5c6',
    'File "/usr/lib/python3.11/site-packages/openai/_base_client.py", line 1037, in _request',
    'at Object.<anonymous> (/app/node_modules/openai/src/core.ts:403:15)',
    'Model.objects.filter(task_id=task.id).select_related("owner").prefetch_related("labels")',
    'sk-learn and scikit-learn-intelex are installed; mask-rcnn-resnet50-fpn is the backbone',
    'xoxb-your-bot-token and xapp-your-app-level-token go in .env',
    'LTAI is the prefix of an AccessKey ID; the secret is shown once in the RAM console',
    'The access_key_secret = os.environ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] line reads it from the environment',
  ];

  it.each(clean)('leaves "%s" untouched', (text) => {
    const result = redact(text);
    expect(result.findings).toEqual([]);
    expect(result.text).toBe(text);
  });
});
