// extractFacts: every extractor's fact lands in one object, and facts given from configuration win.
import { describe, expect, it } from 'vitest';
import { extractFacts, FACT_NAMES } from '../../src/facts/index.js';

const PASTE =
  "openai.RateLimitError: Error code: 429 - {'error': {'code': 'limit_requests', 'message': 'Requests rate limit exceeded, please try again later.'}, 'request_id': '9b1c2d3e-aaaa-bbbb-cccc-0123456789ab'} base_url=https://dashscope-intl.aliyuncs.com/compatible-mode/v1 model=\"qwen-max\"";

describe('extractFacts', () => {
  it('combines the extractors', () => {
    const f = extractFacts(PASTE, []);
    expect(f).toMatchObject({
      status: 429,
      code: 'Throttling.RateQuota',
      rawCode: 'limit_requests',
      requestId: '9b1c2d3e-aaaa-bbbb-cccc-0123456789ab',
      errorType: 'RateLimitError',
      host: 'dashscope-intl.aliyuncs.com',
      region: 'intl',
      plan: 'standard',
      apiPath: '/compatible-mode/v1',
      model: 'qwen-max',
      provider: 'model_studio',
    });
    expect(f.text).toBe(PASTE);
    for (const key of Object.keys(f)) expect(FACT_NAMES as readonly string[]).toContain(key);
  });

  it('lets given facts win, and derives host, region, plan and path from a given base URL', () => {
    const f = extractFacts(PASTE, [], {
      baseUrl: 'https://coding.dashscope.aliyuncs.com/v1',
      model: 'qwen3-coder-plus',
      status: '401',
    });
    expect(f).toMatchObject({
      host: 'coding.dashscope.aliyuncs.com',
      region: 'cn',
      plan: 'coding',
      apiPath: '/v1',
      model: 'qwen3-coder-plus',
      status: 401,
    });
    expect(f.models?.[0]).toBe('qwen3-coder-plus');
  });

  it('never lets a given fact replace the text', () => {
    expect(extractFacts('hello', [], { text: 'something else' }).text).toBe('hello');
  });

  it('follows a given model with its published limits, and reports none for an unknown model', () => {
    expect(extractFacts('x', [], { model: 'qwen-max' }).contextWindow).toBeGreaterThan(0);
    expect(extractFacts('x', [], { model: 'qwen-made-up-9000' }).contextWindow).toBeUndefined();
  });

  it('reports nothing it cannot tell', () => {
    // …except that it is plain chat, which is what keeps every rule quiet on it.
    expect(Object.keys(extractFacts('anyone up for lunch?', []))).toEqual(['text', 'plainChat']);
  });
});
