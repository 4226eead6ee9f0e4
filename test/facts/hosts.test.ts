// Every Model Studio host of the reference (section 4) maps to its region and plan; other hosts are unknown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE_URLS, hostInfo } from '../../src/facts/hosts.js';

describe('hostInfo', () => {
  it.each([
    ['dashscope.aliyuncs.com', 'cn', 'standard'],
    ['dashscope-intl.aliyuncs.com', 'intl', 'standard'],
    ['dashscope-us.aliyuncs.com', 'us', 'standard'],
    ['cn-hongkong.dashscope.aliyuncs.com', 'cn-hongkong', 'standard'],
    ['coding.dashscope.aliyuncs.com', 'cn', 'coding'],
    ['coding-intl.dashscope.aliyuncs.com', 'intl', 'coding'],
    ['token-plan.cn-beijing.maas.aliyuncs.com', 'cn', 'token-plan'],
    ['token-plan.ap-southeast-1.maas.aliyuncs.com', 'intl', 'token-plan'],
    ['llm-abc123.cn-beijing.maas.aliyuncs.com', 'cn', 'workspace'],
    ['ws-9x8y.ap-southeast-1.maas.aliyuncs.com', 'intl', 'workspace'],
    ['ws-9x8y.ap-northeast-1.maas.aliyuncs.com', 'jp', 'workspace'],
    ['ws-9x8y.eu-central-1.maas.aliyuncs.com', 'eu', 'workspace'],
    ['trial.cn-beijing.maas.aliyuncs.com', 'cn', 'trial'],
    ['trail.cn-beijing.maas.aliyuncs.com', 'cn', 'trial'],
    ['new-thing.dashscope.aliyuncs.com', 'unknown', 'unknown'],
    // Base URL overview (zh, Oct 2026) and the OpenAI-compatible pages: Hong Kong, Virginia, Financial Cloud.
    ['ws-9x8y.cn-hongkong.maas.aliyuncs.com', 'cn-hongkong', 'workspace'],
    ['llm-abc.us-east-1.maas.aliyuncs.com', 'us', 'workspace'],
    ['trial.ap-southeast-1.maas.aliyuncs.com', 'intl', 'trial'],
    ['dashscope-finance.aliyuncs.com', 'cn-finance', 'standard'],
    // Only cn-beijing and ap-southeast-1 are documented for Token Plan; the prefix still names the plan.
    ['token-plan.us-east-1.maas.aliyuncs.com', 'us', 'token-plan'],
    ['ws-1.mars-north-9.maas.aliyuncs.com', 'unknown', 'workspace'],
    // The Qwen Cloud brand's API hosts (secondary sources, audit H3 / H4): international.
    ['maas.qwencloudapi.com', 'intl', 'standard'],
    ['token-plan.maas.qwencloudapi.com', 'intl', 'token-plan'],
  ])('%s -> %s / %s', (host, region, plan) => {
    expect(hostInfo(host)).toEqual({ region, plan });
  });

  it.each([
    'api.openai.com',
    'api.kimi.com',
    'open.bigmodel.cn',
    'api.deepseek.com',
    'oss-cn-beijing.aliyuncs.com',
    'localhost',
  ])('%s is not a Model Studio host', (host) => {
    expect(hostInfo(host)).toBeUndefined();
  });

  it('the hosts table names its official sources and the date they were read', () => {
    const source = readFileSync(new URL('../../src/facts/hosts.ts', import.meta.url), 'utf8');
    expect(source).toContain('https://help.aliyun.com/zh/model-studio/base-url');
    expect(source).toContain('https://docs.qwencloud.com/token-plan/faq');
    expect(source).toMatch(/read 20\d\d-\d\d-\d\d/);
  });

  it('canonical base URLs are themselves recognised hosts of the right plan', () => {
    expect(hostInfo(new URL(BASE_URLS.standard.intl).hostname)).toEqual({ region: 'intl', plan: 'standard' });
    expect(hostInfo(new URL(BASE_URLS.coding.cn).hostname)).toEqual({ region: 'cn', plan: 'coding' });
    expect(hostInfo(new URL(BASE_URLS.anthropic.coding_intl).hostname)).toEqual({ region: 'intl', plan: 'coding' });
    for (const region of ['cn', 'intl'] as const) {
      expect(hostInfo(new URL(BASE_URLS.tokenPlan[region]).hostname)).toEqual({ region, plan: 'token-plan' });
      expect(hostInfo(new URL(BASE_URLS.anthropic[`token_plan_${region}`]).hostname)).toEqual({
        region,
        plan: 'token-plan',
      });
    }
    for (const [region, url] of Object.entries(BASE_URLS.standard)) {
      if (url.includes('{WorkspaceId}')) continue;
      expect(hostInfo(new URL(url).hostname), url).toEqual({ region, plan: 'standard' });
    }
  });
});
