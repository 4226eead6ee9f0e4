// Base URL, host, region, plan and API path from text as users paste it.
import { describe, expect, it } from 'vitest';
import { classifyPath, extractBaseUrl } from '../../src/facts/base-url.js';

describe('extractBaseUrl', () => {
  it.each([
    [
      'Request: https://dashscope.aliyuncs.com/api/v1/services/aigc/multimodal-generation/generation failed, status: 429',
      {
        baseUrl: 'https://dashscope.aliyuncs.com/api/v1',
        host: 'dashscope.aliyuncs.com',
        region: 'cn',
        plan: 'standard',
        apiPath: '/api/v1',
      },
    ],
    [
      // Chinese words glued to the URL end it (a real path would be percent-encoded).
      'baseurl是https://coding.dashscope.aliyuncs.com/v1，api是sk-sp-xxxx',
      { baseUrl: 'https://coding.dashscope.aliyuncs.com/v1', plan: 'coding', apiPath: '/v1' },
    ],
    [
      'base url 填的 dashscope.aliyuncs.com/compatible-mode/v1。还是报错',
      { baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1', apiPath: '/compatible-mode/v1' },
    ],
    [
      'Setting base_url as https://dashscope.aliyuncs.com/api/v1,  Setting API key',
      { baseUrl: 'https://dashscope.aliyuncs.com/api/v1', region: 'cn', apiPath: '/api/v1' },
    ],
    [
      'base_url="https://dashscope-intl.aliyuncs.com/compatible-mode/v1"',
      {
        baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
        region: 'intl',
        plan: 'standard',
        apiPath: '/compatible-mode/v1',
      },
    ],
    [
      'POST https://dashscope-us.aliyuncs.com/compatible-mode/v1/chat/completions 401',
      { baseUrl: 'https://dashscope-us.aliyuncs.com/compatible-mode/v1', region: 'us' },
    ],
    [
      'ANTHROPIC_BASE_URL=https://coding.dashscope.aliyuncs.com/apps/anthropic',
      {
        baseUrl: 'https://coding.dashscope.aliyuncs.com/apps/anthropic',
        region: 'cn',
        plan: 'coding',
        apiPath: '/apps/anthropic',
      },
    ],
    [
      'OPENAI_BASE_URL=https://coding-intl.dashscope.aliyuncs.com/v1',
      { baseUrl: 'https://coding-intl.dashscope.aliyuncs.com/v1', region: 'intl', plan: 'coding', apiPath: '/v1' },
    ],
    [
      'https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1',
      { region: 'cn', plan: 'token-plan', apiPath: '/compatible-mode/v1' },
    ],
    [
      'https://llm-abc.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1/chat/completions',
      { region: 'intl', plan: 'workspace', apiPath: '/compatible-mode/v1' },
    ],
    [
      'https://dashscope.aliyuncs.com/api/v2/apps/claude-code-proxy',
      { region: 'cn', apiPath: '/api/v2/apps/claude-code-proxy' },
    ],
  ])('%s', (text, expected) => {
    expect(extractBaseUrl(text)).toMatchObject(expected);
  });

  it.each([
    [
      'api_base=dashscope-intl.aliyuncs.com/compatible-mode/v1',
      'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
      'intl',
    ],
    ['host: coding.dashscope.aliyuncs.com', 'https://coding.dashscope.aliyuncs.com', 'cn'],
  ])('a Model Studio host without a scheme: %s', (text, baseUrl, region) => {
    expect(extractBaseUrl(text)).toMatchObject({ baseUrl, region });
  });

  it('skips documentation links and prefers a Model Studio host over another host', () => {
    const text =
      'see https://help.aliyun.com/zh/model-studio/error-code#apikey-error — proxy http://example.net/v1 — https://dashscope.aliyuncs.com/compatible-mode/v1';
    expect(extractBaseUrl(text)).toMatchObject({ host: 'dashscope.aliyuncs.com', region: 'cn' });
  });

  it.each([
    'https://docs.qwencloud.com/api-reference/preparation/error-messages',
    'https://home.qwencloud.com/api-keys',
    'https://platform.qianwenai.com/docs/error-message',
  ])('a Qwen Cloud / Qianwen documentation or console link is not a base URL: %s', (link) => {
    expect(extractBaseUrl(`see ${link}`)).toEqual({});
  });

  it('reports another provider host with no region or plan (unknown, not guessed)', () => {
    const facts = extractBaseUrl(
      "Client error '400 Bad Request' for url 'https://open.bigmodel.cn/api/paas/v4/chat/completions'",
    );
    expect(facts.host).toBe('open.bigmodel.cn');
    expect(facts.region).toBeUndefined();
    expect(facts.plan).toBeUndefined();
  });

  it('finds nothing in text without URLs', () => {
    expect(extractBaseUrl('401 invalid access token or token expired')).toEqual({});
  });
});

describe('classifyPath', () => {
  it.each([
    ['/compatible-mode/v1/chat/completions', '/compatible-mode/v1'],
    ['/apps/anthropic/v1/messages', '/apps/anthropic'],
    ['/api/v1/services/aigc/text-generation/generation', '/api/v1'],
    ['/v1/chat/completions', '/v1'],
    ['/api/v2/apps/claude-code-proxy/v1/messages', '/api/v2/apps/claude-code-proxy'],
    ['/wrong/path/', '/wrong/path'],
    ['/', '/'],
  ])('%s -> %s', (path, expected) => {
    expect(classifyPath(path)).toBe(expected);
  });
});
