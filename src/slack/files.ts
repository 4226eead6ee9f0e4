// Text snippets and files attached to a message are part of the paste, read through the shared reader
// (chat/attachments.ts: count, bytes, time). The bot token is only ever sent to Slack's own file hosts or the
// configured SLACK_API_URL host.

import type { Logger } from 'pino';
import { fetchBounded, isAllowedFileUrl, MAX_ATTACHMENTS } from '../chat/attachments.js';
import type { WebClient } from './web-client.js';

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
  return isAllowedFileUrl(url, (host) => /(^|\.)slack\.com$|(^|\.)slack-gov\.com$/.test(host), apiUrl);
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
  const res = await fetchBounded(f.url_private, {
    headers: { authorization: `Bearer ${deps.token}` },
    redirect: 'manual',
  });
  // A redirect or HTML page means Slack refused the download (missing files:read scope), not file content.
  if (res.status !== 200 || res.contentType?.includes('text/html')) {
    deps.log.warn({ event: 'slack.file_skipped', file: f.id, status: res.status }, 'file download refused');
    return undefined;
  }
  return res.text;
}

/** The text of the attached text files (at most MAX_ATTACHMENTS, each cut at MAX_ATTACHMENT_BYTES). */
export async function readAttachedText(files: SlackFile[] | undefined, deps: FileReadDeps): Promise<string[]> {
  const out: string[] = [];
  for (const file of (files ?? []).slice(0, MAX_ATTACHMENTS)) {
    try {
      const text = await readOne(file, deps);
      if (text) out.push(text);
    } catch (err) {
      deps.log.warn({ event: 'slack.file_failed', file: file.id, err: (err as Error).message }, 'file read failed');
    }
  }
  return out;
}
