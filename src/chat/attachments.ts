// Files attached to a chat message are part of the paste. Both bots read them the same way: only from the
// platform's own file hosts (or the configured API origin: a proxy, GovSlack, a test fake), at most a few per
// message, each cut at a byte bound and within a timeout, and never binary.
import { decodeBytes } from '../text/decode.js';
import { looksBinary } from '../text/input.js';

export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 256 * 1024;
const ATTACHMENT_TIMEOUT_MS = 10_000;

/**
 * True when `url` is https on a host `isPlatformHost` accepts, or on `apiOrigin`'s origin (any scheme: it is
 * the operator's own setting). Anything else is refused: the URL comes from a message.
 */
export function isAllowedFileUrl(url: string, isPlatformHost: (host: string) => boolean, apiUrl?: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (apiUrl !== undefined && u.origin === new URL(apiUrl).origin) return true;
  return u.protocol === 'https:' && isPlatformHost(u.hostname);
}

/** Fetch `url` and read at most MAX_ATTACHMENT_BYTES of its body; leaving early cancels the rest. */
export async function fetchBounded(
  url: string,
  init: { headers?: Record<string, string>; redirect?: 'follow' | 'manual' | 'error' } = {},
): Promise<{ status: number; contentType: string | null; text: string }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(ATTACHMENT_TIMEOUT_MS) });
  const contentType = res.headers.get('content-type');
  if (res.status !== 200 || !res.body) {
    await res.body?.cancel().catch(() => {});
    return { status: res.status, contentType, text: '' };
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < MAX_ATTACHMENT_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value.subarray(0, MAX_ATTACHMENT_BYTES - total));
    total += value.length;
  }
  await reader.cancel().catch(() => {});
  // A log saved by PowerShell (UTF-16) or on a Chinese-locale Windows (GBK) reads as text too.
  return { status: res.status, contentType, text: decodeBytes(Buffer.concat(chunks)).text };
}

/** Binary content (an image, an archive) is no paste: the caller skips it. */
export function isReadableText(text: string): boolean {
  return !looksBinary(text);
}
