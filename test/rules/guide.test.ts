// Every symptom message of the troubleshooting guide (../shared/seed) is diagnosed first by the right kind of rule,
// with a cause, fix steps and a verification command — and the root causes the guide tells apart get distinct answers.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';

const SYMPTOMS: [string, string, string | null][] = [
  ['401 Invalid API key: The provided API key is incorrect, expired, or has mismatched region settings.', 'auth', null],
  ['403 Access denied: You lack permission to access the model or workspace.', 'auth', null],
  ['401 Invalid access token or token expired.', 'auth', null],
  ['403 Invalid API key.', 'auth', null],
  ['429 Rate limiting: Too many requests have been made.', 'rate_limit', null],
  ['Throttling.RateQuota: Request rate exceeded (RPM exceeded).', 'rate_limit', 'Throttling.RateQuota'],
  ['Throttling.AllocationQuota: Token usage exceeded (TPM exceeded).', 'rate_limit', 'Throttling.AllocationQuota'],
  ['Throttling.BurstRate: Traffic growth rate exceeded (Traffic Burst).', 'rate_limit', 'Throttling.BurstRate'],
  ['400 Bad request: The request body or parameters are invalid.', 'request_validation', null],
  ['400 Input length exceeds the allowed range.', 'request_validation', null],
  ['404 Resource not found: The requested model, workspace, or resource does not exist.', 'request_validation', null],
  ['404 Base URL path is incorrect.', 'request_validation', null],
  ['500 Internal server error: An unexpected error occurred on the server side.', 'server_side', null],
  ['503 Service unavailable: The model is temporarily offline due to high load or maintenance.', 'server_side', null],
];

describe('troubleshooting guide symptoms', () => {
  it.each(SYMPTOMS)('%s', async (text, category, code) => {
    const r = await diagnose(text);
    expect(r.matched).toBe(true);
    const top = r.diagnoses[0]!;
    expect(top.category).toBe(category);
    if (code) expect(top.code).toBe(code);
    expect(top.cause.length).toBeGreaterThan(20);
    expect(top.fix.length).toBeGreaterThan(0);
    expect(top.verify.length).toBeGreaterThan(0);
    expect(top.verify.every((v) => !/\bsk-[A-Za-z0-9]{8,}/.test(v.run))).toBe(true);
  });
});

const CODING = 'https://coding.dashscope.aliyuncs.com/v1';
const STANDARD = 'https://dashscope.aliyuncs.com/compatible-mode/v1';

async function topId(text: string, facts: Record<string, string | number> = {}): Promise<string | undefined> {
  return (await diagnose({ text, facts })).diagnoses[0]?.id;
}

describe('root causes the guide tells apart get distinct diagnoses', () => {
  it('wrong key vs Coding Plan key on a standard endpoint vs standard key on a Coding Plan endpoint', async () => {
    const ids = new Set([
      await topId('401 Invalid API key', { baseUrl: STANDARD, keyKind: 'standard' }),
      await topId('403 Invalid API key.', { baseUrl: STANDARD, keyKind: 'coding-plan' }),
      await topId('401 invalid access token or token expired', { baseUrl: CODING, keyKind: 'standard' }),
    ]);
    expect(ids.size).toBe(3);
  });

  it('RPM vs TPM vs burst vs Coding Plan quota', async () => {
    const ids = new Set([
      await topId('Throttling.RateQuota: Requests rate limit exceeded, please try again later.'),
      await topId('Throttling.AllocationQuota: Allocated quota exceeded, please increase your quota limit.'),
      await topId('Throttling.BurstRate: Request rate increased too quickly.'),
      await topId('hour allocated quota exceeded', { baseUrl: CODING }),
    ]);
    expect(ids.size).toBe(4);
  });

  it('500 vs 503', async () => {
    const a = await topId(
      '500 InternalError: An internal error has occured, please try again later or contact service support.',
    );
    const b = await topId('503 ModelUnavailable: Model is unavailable, please try again later.');
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
  });

  it('context window vs malformed messages vs unknown model vs wrong path', async () => {
    const ids = new Set([
      await topId('InternalError.Algo.InvalidParameter: Range of input length should be [1, 30720]'),
      await topId('InvalidParameter: Input should be a valid dictionary or instance of GPT3Message'),
      await topId('404 ModelNotFound: The model qwen-pluss does not exist.'),
      await topId('404 status code (no body)', {
        baseUrl: 'https://coding.dashscope.aliyuncs.com/v1',
        client: 'claude-code',
      }),
    ]);
    expect(ids.size).toBe(4);
  });

  it('expired Coding Plan subscription is its own answer when the key is a Coding Plan key on its endpoint', async () => {
    const expired = await topId('401 invalid access token or token expired', {
      baseUrl: CODING,
      keyKind: 'coding-plan',
    });
    const wrongKey = await topId('401 invalid access token or token expired', { baseUrl: CODING, keyKind: 'standard' });
    expect(expired).toBeDefined();
    expect(expired).not.toBe(wrongKey);
  });
});

describe("the guide's code is kept in the answers", () => {
  const TENACITY = [
    'from tenacity import retry, stop_after_attempt, wait_random_exponential, retry_if_exception_type',
    'RETRYABLE_ERRORS = (openai.RateLimitError, openai.InternalServerError, openai.APIConnectionError)',
    'wait=wait_random_exponential(min=1, max=60),',
    'stop=stop_after_attempt(6),',
    'retry=retry_if_exception_type(RETRYABLE_ERRORS)',
  ];

  it('the RPM answer carries the tenacity retry and its openai-node equivalent', async () => {
    const fix = (
      await diagnose('Throttling.RateQuota: Requests rate limit exceeded, please try again later.')
    ).diagnoses[0]!.fix.join('\n');
    for (const line of TENACITY) expect(fix).toContain(line);
    expect(fix).toMatch(/```ts[\s\S]*OpenAI\.RateLimitError/);
  });

  it('the burst answer carries the X-DashScope-Wait-Timeout request', async () => {
    const d = (await diagnose('Throttling.BurstRate: Request rate increased too quickly.')).diagnoses[0]!;
    const all = [...d.fix, ...d.verify.map((v) => v.run)].join('\n');
    expect(all).toContain('X-DashScope-Wait-Timeout');
  });

  it('rate-limit and 503 answers carry the fallback model qwen-plus -> qwen-flash', async () => {
    for (const text of [
      'Throttling.AllocationQuota: Allocated quota exceeded, please increase your quota limit.',
      '503 ModelUnavailable: Model is unavailable, please try again later.',
    ]) {
      const fix = (await diagnose(text)).diagnoses[0]!.fix.join('\n');
      expect(fix, text).toContain('qwen-flash');
    }
  });

  it('the Claude Code answer gives both /apps/anthropic base URLs', async () => {
    const d = (await diagnose({ text: '404 status code (no body)', facts: { baseUrl: CODING, client: 'claude-code' } }))
      .diagnoses[0]!;
    const all = [d.cause, ...d.fix].join('\n');
    expect(all).toContain('https://coding.dashscope.aliyuncs.com/apps/anthropic');
    expect(all).toContain('https://coding-intl.dashscope.aliyuncs.com/apps/anthropic');
  });
});
