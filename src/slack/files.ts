// Text snippets and files attached to a message are part of the paste. Reading is bounded (count, bytes,
// time) and the bot token is only ever sent to Slack's own file hosts or the configured SLACK_API_URL host.

import type { Logger } from 'pino';
import type { WebClient } from './web-client.js';

export const MAX_FILES_PER_MESSAGE = 3;
export const MAX_FILE_BYTES = 256 * 1024;
export const FILE_FETCH_TIMEOUT_MS = 5000;

/** The parts of a Slack file object we read. */
export interface SlackFile {
  id?: string;
  name?: string;
  mimetype?: string;
  filetype?: string;
  mode?: string;
  size?: number;
  url_private?: string;
  file_access?: string;
}

const TEXT_FILETYPES = new Set(
  'text,json,javascript,typescript,python,shell,bash,log,yaml,xml,csv,markdown,java,go,ruby,php,csharp,kotlin,rust,swift,sql,diff,ini,toml,plain'.split(
    ',',
  ),
);

export function isTextFile(f: SlackFile): boolean {
  if (f.mode === 'snippet') return true;
  if (f.mimetype?.startsWith('text/')) return true;
  if (f.mimetype && /^application\/(json|x-ndjson|javascript|x-sh|xml|x-yaml|yaml)$/.test(f.mimetype)) return true;
  return Boolean(f.filetype && TEXT_FILETYPES.has(f.filetype));
}

/** Only Slack's hosts (or the configured API host, e.g. GovSlack or a test fake) may see the bot token. */
export function mayReceiveToken(url: string, apiUrl: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.origin === new URL(apiUrl).origin) return true;
  const slackHost = /(^|\.)slack\.com$|(^|\.)slack-gov\.com$/.test(u.hostname);
  return u.protocol === 'https:' && slackHost;
}

async function readBounded(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < MAX_FILE_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value.subarray(0, MAX_FILE_BYTES - total));
    total += value.length;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).toString('utf8');
}

export interface FileReadDeps {
  client: WebClient;
  token: string;
  apiUrl: string;
  log: Logger;
}

async function readOne(file: SlackFile, deps: FileReadDeps): Promise<string | undefined> {
  let f = file;
  if ((!f.url_private || f.file_access === 'check_file_info') && f.id) {
    const info = await deps.client.files.info({ file: f.id });
    f = (info.file as SlackFile | undefined) ?? f;
  }
  if (!isTextFile(f) || !f.url_private) return undefined;
  if (!mayReceiveToken(f.url_private, deps.apiUrl)) {
    deps.log.warn({ event: 'slack.file_skipped', file: f.id, reason: 'not a Slack file host' }, 'file skipped');
    return undefined;
  }
  const res = await fetch(f.url_private, {
    headers: { authorization: `Bearer ${deps.token}` },
    redirect: 'manual',
    signal: AbortSignal.timeout(FILE_FETCH_TIMEOUT_MS),
  });
  // A redirect or HTML page means Slack refused the download (missing files:read scope), not file content.
  if (res.status !== 200 || res.headers.get('content-type')?.includes('text/html')) {
    await res.body?.cancel().catch(() => {});
    deps.log.warn({ event: 'slack.file_skipped', file: f.id, status: res.status }, 'file download refused');
    return undefined;
  }
  return readBounded(res);
}

/** The text of the attached text files (at most MAX_FILES_PER_MESSAGE, each cut at MAX_FILE_BYTES). */
export async function readAttachedText(files: SlackFile[] | undefined, deps: FileReadDeps): Promise<string[]> {
  const out: string[] = [];
  for (const file of (files ?? []).slice(0, MAX_FILES_PER_MESSAGE)) {
    try {
      const text = await readOne(file, deps);
      if (text) out.push(text);
    } catch (err) {
      deps.log.warn({ event: 'slack.file_failed', file: file.id, err: (err as Error).message }, 'file read failed');
    }
  }
  return out;
}
