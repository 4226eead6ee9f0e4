// Reads .txt/.log attachments (bounded) so a pasted log file is diagnosed like pasted text.
// Only Discord's CDN (or the configured REST proxy's origin) is fetched: the URL comes from a message,
// and we do not want the bot to fetch arbitrary hosts.
import { looksBinary } from '../index.js';
import { POLICY } from './policy.js';

export interface AttachmentLike {
  name: string;
  url: string;
  size: number;
}

const DISCORD_CDN_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);

export function isReadableAttachment(a: AttachmentLike): boolean {
  const name = a.name.toLowerCase();
  return POLICY.attachmentExtensions.some((ext) => name.endsWith(ext));
}

function allowedUrl(url: string, apiUrl: string | undefined): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'https:' && DISCORD_CDN_HOSTS.has(u.hostname)) return true;
  return apiUrl !== undefined && u.origin === new URL(apiUrl).origin;
}

async function readBounded(url: string, maxBytes: number): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(POLICY.attachmentTimeoutMs) });
  if (!res.ok || !res.body) throw new Error(`attachment download answered ${res.status}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    chunks.push(chunk.subarray(0, maxBytes - total));
    total += Math.min(chunk.length, maxBytes - total);
    if (total >= maxBytes) break; // leaving the loop cancels the rest of the download
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The text of the readable attachments, each under a header line; unreadable ones are skipped. */
export async function readAttachments(
  attachments: Iterable<AttachmentLike>,
  apiUrl: string | undefined,
  onSkip: (name: string, reason: string) => void,
): Promise<string> {
  const texts: string[] = [];
  const readable = [...attachments].filter(isReadableAttachment).slice(0, POLICY.maxAttachments);
  for (const a of readable) {
    if (!allowedUrl(a.url, apiUrl)) {
      onSkip(a.name, 'not on the Discord CDN');
      continue;
    }
    try {
      const text = await readBounded(a.url, POLICY.maxAttachmentBytes);
      if (looksBinary(text)) onSkip(a.name, 'binary content');
      else texts.push(`--- ${a.name} ---\n${text}`);
    } catch (err) {
      onSkip(a.name, (err as Error).message);
    }
  }
  return texts.join('\n');
}
