// Limits and sizes the error text states.
import { describe, expect, it } from 'vitest';
import { extractLimits } from '../../src/facts/limits.js';

describe('extractLimits', () => {
  it.each<[string, string, Record<string, number>]>([
    [
      'input window from the algorithm layer',
      'OpenAI API error: 400 <400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 204800]',
      { inputLimit: 204800 },
    ],
    [
      'input window in a native body',
      '{"code":"InvalidParameter","message":"Range of input length should be [1, 6000]"}',
      { inputLimit: 6000 },
    ],
    [
      'max_tokens range without a space',
      'InternalError.Algo.InvalidParameter: Range of max_tokens should be [1,8192]',
      { maxTokensLimit: 8192 },
    ],
    [
      'tokens sent',
      "This model's maximum context length is 32768 tokens. However, you requested 40213 tokens",
      { inputTokens: 40213 },
    ],
    [
      'messages counted in a pasted request',
      '{"model":"qwen-plus","messages":[{"role":"system","content":"a"},{"role":"user","content":"b"},{"role":"assistant","content":"c"}]}',
      { messageCount: 3 },
    ],
    ['nothing stated', 'Throttling.RateQuota: Request rate exceeded', {}],
  ])('%s', (_name, text, expected) => {
    expect(extractLimits(text)).toEqual(expected);
  });
});
