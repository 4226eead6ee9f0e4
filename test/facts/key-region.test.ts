// The region of the key's console, only when the paste states it.
import { describe, expect, it } from 'vitest';
import { extractKeyRegion } from '../../src/facts/key-region.js';

describe('extractKeyRegion', () => {
  it.each([
    ['使用qwen模型时，使用国际版阿里云（alibabacloud）中的dashscope key，报错invalid key。', 'intl'],
    [
      'The plugin hardcodes the China DashScope host, so a valid Model Studio key from the International (Singapore) console cannot authorize',
      'intl',
    ],
    ['I created the API key in the Singapore console', 'intl'],
    ['国内版的密钥在国际站用不了', 'cn'],
    ['my China (Beijing) API key gets 401 on dashscope-intl', 'cn'],
    ['a key from the US (Virginia) console', 'us'],
    ['金融云的API key在dashscope.aliyuncs.com上报错', 'cn-finance'],
    ['my Financial Cloud API key is refused', 'cn-finance'],
  ])('%s -> %s', (text, expected) => {
    expect(extractKeyRegion(text)).toBe(expected);
  });

  it.each([
    'Is it possible for international users to obtain a DashScope API key?',
    'base_url=https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    '401 Invalid API-key provided.',
    'Singapore endpoint https://dashscope-intl.aliyuncs.com returns 500',
  ])('no key region in: %s', (text) => {
    expect(extractKeyRegion(text)).toBeUndefined();
  });
});
