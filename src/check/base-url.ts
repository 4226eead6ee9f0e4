// The base URL on its own: scheme, quoting, placeholders, doubled or appended paths, and whose host it is. Region,
// plan and API path come from the diagnoser's host table (src/facts/hosts.ts), the one place they are written.
import { classifyPath } from '../facts/base-url.js';
import { BASE_URLS, hostInfo } from '../facts/hosts.js';
import { trimQuotes, trimTrailingSlashes } from '../text/trim.js';
import type { CheckFinding, ClientProtocol } from './types.js';

export interface BaseUrlReading {
  /** The URL the client would call, scheme added and quotes removed; undefined when none can be built. */
  url?: URL;
  host?: string;
  region?: string;
  plan?: string;
  apiPath?: string;
  findings: CheckFinding[];
}

/** Hosts of other providers: a base URL here means the client is not talking to Model Studio at all. */
const OTHER_PROVIDERS: ReadonlyArray<[RegExp, string]> = [
  [/(^|\.)openai\.com$/, 'OpenAI'],
  [/(^|\.)anthropic\.com$/, 'Anthropic'],
  [/(^|\.)deepseek\.com$/, 'DeepSeek'],
  [/(^|\.)openrouter\.ai$/, 'OpenRouter'],
  [/(^|\.)googleapis\.com$/, 'Google'],
  [/(^|\.)moonshot\.(?:cn|ai)$/, 'Moonshot'],
  [/(^|\.)bigmodel\.cn$/, 'Zhipu'],
];

/** What each client calls when no base URL is set. */
const CLIENT_DEFAULTS: Readonly<Record<ClientProtocol, { url: string; who: string; modelStudio: boolean }>> = {
  openai: { url: 'https://api.openai.com/v1', who: 'OpenAI SDKs call OpenAI', modelStudio: false },
  anthropic: {
    url: 'https://api.anthropic.com',
    who: 'Claude Code and Anthropic SDKs call Anthropic',
    modelStudio: false,
  },
  // The DashScope SDKs default to the China (Beijing) host.
  dashscope: {
    url: BASE_URLS.standard.cn.replace('/compatible-mode/v1', '/api/v1'),
    who: 'the DashScope SDKs call China (Beijing)',
    modelStudio: true,
  },
};

const ENDPOINT_SUFFIX =
  /\/(?:chat\/completions|v1\/messages|messages|completions|embeddings|services\/aigc\/[\w/-]+)\/?$/;
const DOUBLED = /(\/compatible-mode\/v1|\/apps\/anthropic|\/api\/v1|\/v1)(?:\/?\1)(?=\/|$)/;

const finding = (id: string, severity: CheckFinding['severity'], message: string, fix: string): CheckFinding => ({
  id,
  severity,
  message,
  fix,
});

/** Read a base URL as the client would use it. `name` is what to call it in messages (a flag or a variable). */
export function readBaseUrl(raw: string | undefined, client: ClientProtocol, name: string): BaseUrlReading {
  const findings: CheckFinding[] = [];
  if (raw === undefined || raw.trim() === '') {
    const d = CLIENT_DEFAULTS[client];
    findings.push(
      finding(
        'base-url.missing',
        d.modelStudio ? 'info' : 'error',
        `No base URL is set, so ${d.who} (${d.url})${d.modelStudio ? '' : ', not Model Studio'}.`,
        client === 'anthropic'
          ? `Set ANTHROPIC_BASE_URL to your plan's Anthropic-compatible URL, e.g. ${BASE_URLS.anthropic.coding_intl} (Coding Plan, Global) or https://dashscope-intl.aliyuncs.com/apps/anthropic (pay-as-you-go, Singapore).`
          : client === 'openai'
            ? `Set the base URL (OPENAI_BASE_URL or base_url=) to the region of your key, e.g. ${BASE_URLS.standard.intl} (Singapore) or ${BASE_URLS.standard.cn} (China (Beijing)).`
            : `A key from the International (Singapore) console needs DASHSCOPE_HTTP_BASE_URL=${BASE_URLS.standard.intl.replace('/compatible-mode/v1', '/api/v1')}.`,
      ),
    );
    return d.modelStudio ? { ...read(new URL(d.url), findings, name) } : { findings };
  }
  let text = raw.trim();
  if (/^["'`].*["'`]$/.test(text) || /\s/.test(text)) {
    findings.push(
      finding(
        'base-url.quoted',
        'error',
        `${name} holds quotes or spaces (${JSON.stringify(text)}); clients take them as part of the URL.`,
        'Write the URL alone: no quotes around it (in .env files too) and no spaces.',
      ),
    );
    text = trimQuotes(text).replace(/\s+/g, '');
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    findings.push(
      finding(
        'base-url.no-scheme',
        'error',
        `${name} has no scheme (${text}); clients cannot build a request URL from it.`,
        `Start it with https:// — https://${text.replace(/^\/+/, '')}`,
      ),
    );
    text = `https://${text.replace(/^\/+/, '')}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    findings.push(
      finding(
        'base-url.invalid',
        'error',
        `${name} is not a URL.`,
        `Copy the base URL from the console, e.g. ${BASE_URLS.standard.intl}.`,
      ),
    );
    return { findings };
  }
  return read(url, findings, name);
}

function read(url: URL, findings: CheckFinding[], name: string): BaseUrlReading {
  const host = url.hostname.toLowerCase();
  const path = decodeURIComponent(url.pathname);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    findings.push(
      finding('base-url.scheme', 'error', `${name} uses ${url.protocol}// — the APIs speak HTTPS.`, 'Use https://.'),
    );
  if (/\{[^{}]*\}|WorkspaceId|<[^<>]*>/i.test(`${host}${path}`))
    findings.push(
      finding(
        'base-url.placeholder',
        'error',
        `${name} still holds a placeholder (${url.host}${path}).`,
        "Replace {WorkspaceId} with your workspace id (console → workspace details), or use the region's public host.",
      ),
    );
  const info = hostInfo(host);
  const other = OTHER_PROVIDERS.find(([re]) => re.test(host))?.[1];
  if (other)
    findings.push(
      finding(
        'base-url.not-model-studio',
        'error',
        `${name} points at ${other} (${host}), not Model Studio: a Model Studio key and model id will be refused there.`,
        `Use the Model Studio base URL of your key's region and plan, e.g. ${BASE_URLS.standard.intl} (Singapore) or ${BASE_URLS.standard.cn} (China (Beijing)).`,
      ),
    );
  else if (!info)
    findings.push(
      finding(
        'base-url.unknown-host',
        'warning',
        `${host} is not a Model Studio host, so region, plan and path cannot be checked (a proxy or gateway?).`,
        'If it is a gateway, check its upstream instead; otherwise use a host from the Model Studio base URL list.',
      ),
    );
  else if (info.region === 'unknown')
    findings.push(
      finding(
        'base-url.unknown-region',
        'warning',
        `${host} looks like a Model Studio host, but not one of the documented ones.`,
        'Check the spelling against the base URL list (dashscope.aliyuncs.com, dashscope-intl.aliyuncs.com, coding.dashscope.aliyuncs.com, …).',
      ),
    );
  if (url.protocol === 'http:' && info)
    findings.push(
      finding(
        'base-url.insecure-http',
        'warning',
        `${name} uses http:// — the key would travel unencrypted.`,
        'Use https://.',
      ),
    );
  const doubled = DOUBLED.exec(path);
  if (doubled)
    findings.push(
      finding(
        'base-url.doubled-path',
        'error',
        `${name} repeats ${doubled[1]} (${path}); the request goes to a path that does not exist (404).`,
        `Keep it once: ${url.origin}${path.replace(DOUBLED, '$1')}`,
      ),
    );
  const suffix = ENDPOINT_SUFFIX.exec(path.replace(DOUBLED, '$1'));
  const isBase = !!suffix && classifyPath(path) !== trimTrailingSlashes(path);
  if (suffix && isBase)
    findings.push(
      finding(
        'base-url.endpoint-appended',
        'error',
        `${name} ends in the endpoint (${suffix[0]}); the client appends it again.`,
        `Give the base URL only: ${url.origin}${path.slice(0, suffix.index)}`,
      ),
    );
  if (url.search || url.hash)
    findings.push(
      finding(
        'base-url.query',
        'warning',
        `${name} carries a query or fragment, which clients drop or mangle.`,
        'Remove everything from ? or #.',
      ),
    );
  return { url, host, region: info?.region, plan: info?.plan, apiPath: classifyPath(path), findings };
}
