// Model Studio hosts -> region and plan (reference section 4). Unknown hosts are reported as unknown, never guessed.

export interface HostInfo {
  region: string;
  plan: string;
}

const EXACT: Readonly<Record<string, HostInfo>> = {
  'dashscope.aliyuncs.com': { region: 'cn', plan: 'standard' },
  'dashscope-intl.aliyuncs.com': { region: 'intl', plan: 'standard' },
  'dashscope-us.aliyuncs.com': { region: 'us', plan: 'standard' },
  'cn-hongkong.dashscope.aliyuncs.com': { region: 'cn-hongkong', plan: 'standard' },
  'coding.dashscope.aliyuncs.com': { region: 'cn', plan: 'coding' },
  'coding-intl.dashscope.aliyuncs.com': { region: 'intl', plan: 'coding' },
  'token-plan.cn-beijing.maas.aliyuncs.com': { region: 'cn', plan: 'token-plan' },
  'token-plan.ap-southeast-1.maas.aliyuncs.com': { region: 'intl', plan: 'token-plan' },
};

const MAAS_REGIONS: Readonly<Record<string, string>> = {
  'cn-beijing': 'cn',
  'ap-southeast-1': 'intl',
  'ap-northeast-1': 'jp',
  'eu-central-1': 'eu',
};

/** Region and plan of a Model Studio host, or undefined for any other host. */
export function hostInfo(host: string): HostInfo | undefined {
  const exact = EXACT[host];
  if (exact) return exact;
  const maas = /^(?:(trial|trail)\.|[\w-]+\.)([a-z]+-[a-z]+-\d|cn-beijing)\.maas\.aliyuncs\.com$/.exec(host);
  if (maas?.[2]) {
    const region = MAAS_REGIONS[maas[2]] ?? 'unknown';
    return { region, plan: maas[1] ? 'trial' : 'workspace' };
  }
  if (host.endsWith('.aliyuncs.com') && host.includes('dashscope')) return { region: 'unknown', plan: 'unknown' };
  return undefined;
}

/** Canonical base URLs, used to suggest the right one in fixes and to fill verification commands. */
export const BASE_URLS = {
  standard: {
    cn: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    intl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    us: 'https://dashscope-us.aliyuncs.com/compatible-mode/v1',
  },
  coding: {
    cn: 'https://coding.dashscope.aliyuncs.com/v1',
    intl: 'https://coding-intl.dashscope.aliyuncs.com/v1',
  },
  anthropic: {
    coding_cn: 'https://coding.dashscope.aliyuncs.com/apps/anthropic',
    coding_intl: 'https://coding-intl.dashscope.aliyuncs.com/apps/anthropic',
  },
} as const;
