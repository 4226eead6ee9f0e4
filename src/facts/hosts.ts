// Model Studio hosts -> region and plan. Unknown hosts are reported as unknown, never guessed.
// Sources (read 2026-12-02): the zh "Base URL总览" https://help.aliyun.com/zh/model-studio/base-url (DashScope,
// workspace, trial, Token Plan and Coding Plan domains, incl. 美国（弗吉尼亚） us-east-1); the alibabacloud.com
// "Base URL overview" (Oct 11, 2026) and "OpenAI compatible – Chat" (es/fr Oct 13, 2026: Hong Kong (China)
// `{WorkspaceId}.cn-hongkong.maas.aliyuncs.com`); the Qwen Cloud Token Plan FAQ / overview
// (https://docs.qwencloud.com/token-plan/faq: `token-plan.ap-southeast-1.maas.aliyuncs.com`); the zh Qwen API
// reference region tabs 北京 / 新加坡 / 金融云 (`dashscope-finance.aliyuncs.com`).
// Secondary (no official page read yet, Sep–Oct 2026 configs in several independent repos): the Qwen Cloud brand's
// own API hosts `maas.qwencloudapi.com` (pay-as-you-go) and `token-plan.maas.qwencloudapi.com` (Token Plan), both
// international. Listed so a Qwen Cloud user is not told the error comes from another provider.

export interface HostInfo {
  region: string;
  plan: string;
}

const EXACT: Readonly<Record<string, HostInfo>> = {
  'dashscope.aliyuncs.com': { region: 'cn', plan: 'standard' },
  'dashscope-intl.aliyuncs.com': { region: 'intl', plan: 'standard' },
  'dashscope-us.aliyuncs.com': { region: 'us', plan: 'standard' },
  'cn-hongkong.dashscope.aliyuncs.com': { region: 'cn-hongkong', plan: 'standard' },
  // Financial Cloud (金融云): its own accounts and keys, in China.
  'dashscope-finance.aliyuncs.com': { region: 'cn-finance', plan: 'standard' },
  'coding.dashscope.aliyuncs.com': { region: 'cn', plan: 'coding' },
  'coding-intl.dashscope.aliyuncs.com': { region: 'intl', plan: 'coding' },
  'token-plan.cn-beijing.maas.aliyuncs.com': { region: 'cn', plan: 'token-plan' },
  'token-plan.ap-southeast-1.maas.aliyuncs.com': { region: 'intl', plan: 'token-plan' },
  'maas.qwencloudapi.com': { region: 'intl', plan: 'standard' },
  'token-plan.maas.qwencloudapi.com': { region: 'intl', plan: 'token-plan' },
};

/** Region ids of `*.maas.aliyuncs.com` hosts (workspace-dedicated, trial and Token Plan domains). */
const MAAS_REGIONS: Readonly<Record<string, string>> = {
  'cn-beijing': 'cn',
  'cn-hongkong': 'cn-hongkong',
  'ap-southeast-1': 'intl',
  'us-east-1': 'us',
  'ap-northeast-1': 'jp',
  'eu-central-1': 'eu',
};

// `<prefix>.<region>.maas.aliyuncs.com`, region like `cn-beijing`, `cn-hongkong`, `us-east-1`, `ap-southeast-1`.
const MAAS = /^([\w-]+)\.([a-z]+-[a-z]+(?:-\d)?)\.maas\.aliyuncs\.com$/;

function planOfMaasPrefix(prefix: string): string {
  if (prefix === 'trial' || prefix === 'trail') return 'trial';
  // The prefix names the plan whatever the region (only cn-beijing and ap-southeast-1 are documented).
  if (prefix === 'token-plan') return 'token-plan';
  return 'workspace';
}

/** Region and plan of a Model Studio host, or undefined for any other host. */
export function hostInfo(host: string): HostInfo | undefined {
  const exact = EXACT[host];
  if (exact) return exact;
  const maas = MAAS.exec(host);
  if (maas?.[1] && maas[2]) return { region: MAAS_REGIONS[maas[2]] ?? 'unknown', plan: planOfMaasPrefix(maas[1]) };
  if (host.endsWith('.aliyuncs.com') && host.includes('dashscope')) return { region: 'unknown', plan: 'unknown' };
  return undefined;
}

/** Human names of the regions, as the consoles name them. */
export const REGION_NAMES: Readonly<Record<string, string>> = {
  cn: 'China (Beijing)',
  intl: 'Singapore (International)',
  us: 'US (Virginia)',
  'cn-hongkong': 'China (Hong Kong)',
  'cn-finance': 'China (Financial Cloud)',
  jp: 'Japan (Tokyo)',
  eu: 'Germany (Frankfurt)',
};

/** Canonical base URLs, used to suggest the right one in fixes and to fill verification commands. */
export const BASE_URLS = {
  standard: {
    cn: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    intl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    us: 'https://dashscope-us.aliyuncs.com/compatible-mode/v1',
    'cn-hongkong': 'https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1',
    'cn-finance': 'https://dashscope-finance.aliyuncs.com/compatible-mode/v1',
    // Tokyo and Frankfurt are served only by workspace-dedicated domains.
    jp: 'https://{WorkspaceId}.ap-northeast-1.maas.aliyuncs.com/compatible-mode/v1',
    eu: 'https://{WorkspaceId}.eu-central-1.maas.aliyuncs.com/compatible-mode/v1',
  },
  coding: {
    cn: 'https://coding.dashscope.aliyuncs.com/v1',
    intl: 'https://coding-intl.dashscope.aliyuncs.com/v1',
  },
  tokenPlan: {
    cn: 'https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1',
    intl: 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1',
  },
  anthropic: {
    coding_cn: 'https://coding.dashscope.aliyuncs.com/apps/anthropic',
    coding_intl: 'https://coding-intl.dashscope.aliyuncs.com/apps/anthropic',
    token_plan_cn: 'https://token-plan.cn-beijing.maas.aliyuncs.com/apps/anthropic',
    token_plan_intl: 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/apps/anthropic',
  },
} as const;

/**
 * The same endpoint in China (Beijing) and Singapore (International): an answer that shows one of a pair to a
 * user whose region is not known must show the other too (see src/engine/region-note.ts).
 */
export const REGION_TWINS: ReadonlyArray<{ plan: string; cn: string; intl: string }> = [
  { plan: 'pay-as-you-go', cn: 'dashscope.aliyuncs.com', intl: 'dashscope-intl.aliyuncs.com' },
  { plan: 'Coding Plan', cn: 'coding.dashscope.aliyuncs.com', intl: 'coding-intl.dashscope.aliyuncs.com' },
  {
    plan: 'Token Plan',
    cn: 'token-plan.cn-beijing.maas.aliyuncs.com',
    intl: 'token-plan.ap-southeast-1.maas.aliyuncs.com',
  },
];

/** Whether `text` names `host` as a host of its own (not as the tail of `cn-hongkong.dashscope…` or `coding.…`). */
export function mentionsHost(text: string, host: string): boolean {
  let at = text.indexOf(host);
  while (at >= 0) {
    const before = text[at - 1];
    if (before === undefined || !/[\w.-]/.test(before)) return true;
    at = text.indexOf(host, at + 1);
  }
  return false;
}
