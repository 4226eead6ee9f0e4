// Bounds and cleans pasted text before anything else sees it.
import { INVISIBLE_CHARS } from './decoded-view.js';

/** Characters of text diagnosed; beyond this the middle is dropped (errors sit at the start or the end). */
export const MAX_TEXT_CHARS = 32_768;

export interface BoundedText {
  text: string;
  truncated: boolean;
}

// Invisible format characters (zero-width spaces and joiners, bidi overrides, BOM, soft hyphen): a key split by one
// would slip past redaction yet still show whole in a chat client.
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');

// Characters a secret is made of: a cut inside a run of them could leave a key fragment too short to redact.
const TOKEN_CHAR = /[\w.~+/=-]/;
/** How far a cut may move to land on a line break, so a label and its value on one line stay together. */
const LINE_SLACK = 4096;

/** Where the head ends: after the last line break before `at` (if near), else at the start of the token run. */
function cutBefore(text: string, at: number): number {
  const nl = text.lastIndexOf('\n', at);
  if (nl >= 0 && at - nl <= LINE_SLACK) return nl;
  let i = at;
  while (i > 0 && TOKEN_CHAR.test(text[i - 1] ?? '')) i--;
  return i;
}

/** Where the tail starts: at the next line break after `at` (if near), else after the token run holding `at`. */
function cutAfter(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  if (nl >= 0 && nl - at <= LINE_SLACK) return nl + 1;
  // A long run (a base64 blob) is dropped whole: it is never the error.
  let i = at;
  while (i < text.length && TOKEN_CHAR.test(text[i] ?? '')) i++;
  return i;
}

/** Drop NULs, control and invisible characters (keep tab/newline), repair lone surrogates, unify line ends. */
export function cleanText(raw: unknown): string {
  return String(raw ?? '')
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n');
}

/** Keep head and tail of an already-clean text within `max` characters, cut at line (or token) boundaries. */
export function cutMiddle(text: string, max = MAX_TEXT_CHARS): BoundedText {
  if (text.length <= max) return { text, truncated: false };
  const half = max / 2;
  const headEnd = cutBefore(text, half);
  const tailStart = Math.max(cutAfter(text, text.length - half), headEnd);
  return {
    text: `${text.slice(0, headEnd)}\n[… ${tailStart - headEnd} characters omitted …]\n${text.slice(tailStart)}`,
    truncated: true,
  };
}

/**
 * Clean, then keep head and tail. Invisible characters go first, so no cut sees a key they split. Callers that
 * redact (diagnose) redact between a coarse and this final cut, so no cut can part a labelled value from its label.
 */
export function boundText(raw: unknown): BoundedText {
  return cutMiddle(cleanText(raw));
}

/** True when the text looks binary rather than a paste (many NULs or replacement characters). */
export function looksBinary(raw: string): boolean {
  const sample = raw.slice(0, 8192);
  if (!sample.length) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  return bad / sample.length > 0.1;
}
