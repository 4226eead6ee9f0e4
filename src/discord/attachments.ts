// Reads .txt/.log attachments through the shared reader (chat/attachments.ts), so a pasted log file is diagnosed
// like pasted text. Only Discord's CDN (or the configured REST proxy's origin) is fetched.
import { fetchBounded, isAllowedFileUrl, isReadableText, MAX_ATTACHMENTS } from '../chat/attachments.js';
import { POLICY } from './policy.js';

export interface AttachmentLike {
  name: string;
  url: string;
  size: number;
}

const DISCORD_CDN_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);

function isReadableAttachment(a: AttachmentLike): boolean {
  const name = a.name.toLowerCase();
  return POLICY.attachmentExtensions.some((ext) => name.endsWith(ext));
}

/** The text of the readable attachments, each under a header line; unreadable ones are skipped. */
export async function readAttachments(
  attachments: Iterable<AttachmentLike>,
  apiUrl: string | undefined,
  onSkip: (name: string, reason: string) => void,
): Promise<string> {
  const texts: string[] = [];
  const readable = [...attachments].filter(isReadableAttachment).slice(0, MAX_ATTACHMENTS);
  for (const a of readable) {
    if (!isAllowedFileUrl(a.url, (host) => DISCORD_CDN_HOSTS.has(host), apiUrl)) {
      onSkip(a.name, 'not on the Discord CDN');
      continue;
    }
    try {
      const { status, text } = await fetchBounded(a.url);
      if (status !== 200) onSkip(a.name, `attachment download answered ${status}`);
      else if (!isReadableText(text)) onSkip(a.name, 'binary content');
      else texts.push(`--- ${a.name} ---\n${text}`);
    } catch (err) {
      onSkip(a.name, (err as Error).message);
    }
  }
  return texts.join('\n');
}
