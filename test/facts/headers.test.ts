// Headers named in a paste, in their documented spelling whatever case was used.
import { describe, expect, it } from 'vitest';
import { extractHeaders } from '../../src/facts/headers.js';

describe('extractHeaders', () => {
  it.each<[string, string, string[]]>([
    [
      'the guide’s curl',
      'curl -X POST "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions" -H "Authorization: Bearer $DASHSCOPE_API_KEY" -H "X-DashScope-Wait-Timeout: 30"',
      ['Authorization', 'X-DashScope-Wait-Timeout'],
    ],
    ['lower-case async header', "headers={'x-dashscope-async': 'enable'}", ['X-DashScope-Async']],
    [
      'documented odd casing kept',
      'X-DASHSCOPE-SSE: enable\nx-dashscope-workspace: llm-xxxx',
      ['X-DashScope-SSE', 'X-DashScope-WorkSpace'],
    ],
    ['unknown DashScope header, segments capitalised', 'x-dashscope-foo-bar: 1', ['X-DashScope-Foo-Bar']],
    ['de-duplicated across cases', 'X-DashScope-Async: enable ... x-dashscope-async: enable', ['X-DashScope-Async']],
    ['Anthropic headers', 'x-api-key: … anthropic-version: 2023-06-01', ['x-api-key', 'anthropic-version']],
    ['none', 'Throttling.RateQuota: Request rate exceeded', []],
  ])('%s', (_name, text, expected) => {
    expect(extractHeaders(text)).toEqual(expected);
  });
});
