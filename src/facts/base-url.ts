// The base URL the client called, and the region, plan and API path it implies.
import { plainPath } from '../text/plain-path.js';
import { hostInfo } from './hosts.js';

export interface BaseUrlFacts {
  baseUrl?: string;
  host?: string;
  region?: string;
  plan?: string;
  apiPath?: string;
}

// A path ends at the first non-ASCII character too: Chinese pastes glue the next words on
// ("baseurl是https://coding.dashscope.aliyuncs.com/v1，api是…"); a real path would be percent-encoded.
const URL_RE = /\bhttps?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[^\s"'<>()[\]{}`,;|\\\u0080-\uffff]*)?/g;
// Documentation and console links name a host but are not where the request went.
const DOC_HOST =
  /(^|\.)(help\.aliyun\.com|alibabacloud\.com|aliyun\.com|github\.com|mozilla\.org|qwen\.ai|qianwenai\.com|qwencloud\.com|bailian\.console\.aliyun\.com)$/;

/** Normalise the path to the part that decides routing (`/compatible-mode/v1`, `/apps/anthropic`, `/api/v1`, `/v1`). */
export function classifyPath(path: string): string {
  const p = path.replace(/(?<!\/)\/+$/, ''); // the look-behind keeps a long run of '/' linear
  if (/\/compatible-mode\/v1(\/|$)/.test(p)) return '/compatible-mode/v1';
  if (/\/api\/v2\/apps\/claude-code-proxy/.test(p)) return '/api/v2/apps/claude-code-proxy';
  if (/\/apps\/anthropic(\/|$)/.test(p)) return '/apps/anthropic';
  if (/^\/api\/v1(\/|$)/.test(p)) return '/api/v1';
  if (/^\/v1(\/|$)/.test(p)) return '/v1';
  return plainPath(p) || '/';
}

function baseOf(url: URL, apiPath: string): string {
  const idx = url.pathname.indexOf(apiPath);
  const keep =
    apiPath !== '/' && idx >= 0
      ? url.pathname.slice(0, idx + apiPath.length)
      : plainPath(url.pathname.replace(/(?<!\/)\/+$/, ''));
  return `${url.protocol}//${url.host}${keep}`;
}

// Config pastes often drop the scheme (`api_base=dashscope-intl.aliyuncs.com/compatible-mode/v1`).
const BARE_MS_HOST =
  /(?<![\w./:-])((?:[\w-]+\.)*(?:dashscope[\w-]{0,20}|maas)\.aliyuncs\.com(?:\/[^\s"'<>()[\]{}`,;|\\\u0080-\uffff]*)?)/gi;

// The literals every match of URL_RE / BARE_MS_HOST holds: one cheap test skips a regex that cannot match
// (BARE_MS_HOST tries a host at every word start, the larger part of this extractor's cost).
const MS_DOMAIN = /\.aliyuncs\.com/i;

function* candidateUrls(text: string): Generator<string> {
  if (text.includes('://')) for (const m of text.matchAll(URL_RE)) yield m[0];
  if (MS_DOMAIN.test(text)) for (const m of text.matchAll(BARE_MS_HOST)) yield `https://${m[1]}`;
}

export function extractBaseUrl(text: string): BaseUrlFacts {
  let fallback: BaseUrlFacts | undefined;
  for (const candidate of candidateUrls(text)) {
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      continue;
    }
    const host = url.hostname.toLowerCase();
    if (DOC_HOST.test(host)) continue;
    const apiPath = classifyPath(url.pathname);
    const info = hostInfo(host);
    const facts: BaseUrlFacts = { baseUrl: baseOf(url, apiPath), host, apiPath };
    if (info) return { ...facts, region: info.region, plan: info.plan };
    fallback ??= facts;
  }
  return fallback ?? {};
}
