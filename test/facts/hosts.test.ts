// Every Model Studio host of the reference (section 4) maps to its region and plan; other hosts are unknown.
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

  it('canonical base URLs are themselves recognised hosts of the right plan', () => {
    expect(hostInfo(new URL(BASE_URLS.standard.intl).hostname)).toEqual({ region: 'intl', plan: 'standard' });
    expect(hostInfo(new URL(BASE_URLS.coding.cn).hostname)).toEqual({ region: 'cn', plan: 'coding' });
    expect(hostInfo(new URL(BASE_URLS.anthropic.coding_intl).hostname)).toEqual({ region: 'intl', plan: 'coding' });
  });
});
