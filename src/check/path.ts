// Which API path a client needs on a host of a given plan, from the canonical base URLs of src/facts/hosts.ts:
// OpenAI-compatible clients `/compatible-mode/v1` (`/v1` on the Coding Plan), Anthropic clients `/apps/anthropic`,
// the DashScope SDKs the native `/api/v1` (pay-as-you-go and workspace hosts only).
import { BASE_URLS } from '../facts/hosts.js';
import { trimTrailingSlashes } from '../text/trim.js';
import type { CheckFinding, ClientProtocol } from './types.js';

const pathOf = (url: string) => new URL(url.replace(/\{WorkspaceId\}/, 'ws')).pathname;
const OPENAI_STANDARD = pathOf(BASE_URLS.standard.cn);
const OPENAI_CODING = pathOf(BASE_URLS.coding.cn);
const OPENAI_TOKEN_PLAN = pathOf(BASE_URLS.tokenPlan.cn);
const ANTHROPIC = pathOf(BASE_URLS.anthropic.coding_cn);
// The native API lives where the OpenAI-compatible one does, under /api/v1 (as src/diagnose/template.ts fills it).
const NATIVE = OPENAI_STANDARD.replace('/compatible-mode/v1', '/api/v1');
const RETIRED_PROXY = '/api/v2/apps/claude-code-proxy';

/** The base URL path `client` needs on a host of `plan`, or undefined when that plan does not serve it. */
function expectedPath(plan: string | undefined, client: ClientProtocol): string | undefined {
  if (client === 'anthropic') return ANTHROPIC;
  if (client === 'dashscope') return plan === 'coding' || plan === 'token-plan' ? undefined : NATIVE;
  if (plan === 'coding') return OPENAI_CODING;
  return plan === 'token-plan' ? OPENAI_TOKEN_PLAN : OPENAI_STANDARD;
}

/** The protocol a base URL path is for, when the path says (used when no client is given). */
export function clientOfPath(apiPath: string | undefined): ClientProtocol | undefined {
  if (apiPath === ANTHROPIC || apiPath === RETIRED_PROXY) return 'anthropic';
  if (apiPath === NATIVE) return 'dashscope';
  if (apiPath === OPENAI_STANDARD || apiPath === OPENAI_CODING) return 'openai';
  return undefined;
}

const PROTOCOL_NAMES: Readonly<Record<ClientProtocol, string>> = {
  openai: 'OpenAI-compatible clients',
  anthropic: 'Anthropic clients (Claude Code)',
  dashscope: 'the DashScope SDKs',
};

const PLAN_NAMES: Readonly<Record<string, string>> = {
  standard: 'pay-as-you-go',
  workspace: 'workspace',
  trial: 'trial',
  coding: 'Coding Plan',
  'token-plan': 'Token Plan',
};

/** The path a client needs on this host, compared with the one it has. */
export function checkPath(
  origin: string,
  path: string,
  apiPath: string | undefined,
  plan: string | undefined,
  client: ClientProtocol,
  name: string,
): CheckFinding[] {
  if (!plan || plan === 'unknown') return [];
  const planName = PLAN_NAMES[plan] ?? plan;
  const want = expectedPath(plan, client);
  if (!want) {
    const openai = expectedPath(plan, 'openai');
    return [
      {
        id: 'path.protocol-not-served',
        severity: 'error',
        message: `${PROTOCOL_NAMES[client]} are not served on ${planName} hosts; the plan speaks the OpenAI and Anthropic protocols only.`,
        fix: `Use an OpenAI-compatible client with ${origin}${openai} (or Anthropic with ${origin}${ANTHROPIC}); for the DashScope SDK use a pay-as-you-go key and host.`,
      },
    ];
  }
  const have = trimTrailingSlashes(path) || '/';
  if (have === want || apiPath === want) return []; // an appended endpoint is reported by readBaseUrl
  // The retired Claude Code proxy path has its own rule (request_validation.coding-plan-anthropic-path).
  if (apiPath === RETIRED_PROXY) return [];
  const pathClient = clientOfPath(apiPath);
  const forOther = pathClient && pathClient !== client ? ` — that path is for ${PROTOCOL_NAMES[pathClient]}` : '';
  return [
    {
      id: forOther ? 'path.wrong-protocol' : 'path.wrong-for-plan',
      severity: 'error',
      message: `${name} path ${have} is not where ${PROTOCOL_NAMES[client]} are served on this ${planName} host${forOther}; requests end in 404.`,
      fix: `Set it to ${origin}${want}`,
    },
  ];
}
