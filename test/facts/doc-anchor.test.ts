// The anchor of a Model Studio error-code doc link, in every documentation host and path it appears under.
import { describe, expect, it } from 'vitest';
import { extractDocAnchor } from '../../src/facts/doc-anchor.js';

describe('extractDocAnchor', () => {
  it.each<[string, string, string | undefined]>([
    [
      'Chinese doc host',
      'For details, see: https://help.aliyun.com/zh/model-studio/error-code#token-limit',
      'token-limit',
    ],
    ['English doc host', 'see https://www.alibabacloud.com/help/en/model-studio/error-code#rate-limit', 'rate-limit'],
    [
      'developer-reference path',
      'https://help.aliyun.com/zh/model-studio/developer-reference/error-code#apikey-error',
      'apikey-error',
    ],
    [
      'upper case is normalised',
      'https://help.aliyun.com/zh/model-studio/error-code#Overdue-Payment',
      'overdue-payment',
    ],
    ['link without an anchor', 'https://www.alibabacloud.com/help/en/model-studio/error-code', undefined],
    ['another provider’s error-code docs', 'https://platform.openai.com/docs/guides/error-codes#api-errors', undefined],
  ])('%s', (_name, text, expected) => {
    expect(extractDocAnchor(text)).toBe(expected);
  });
});
