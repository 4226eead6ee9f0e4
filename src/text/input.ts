// Bounds and cleans pasted text before anything else sees it.

/** Characters of text diagnosed; beyond this the middle is dropped (errors sit at the start or the end). */
export const MAX_TEXT_CHARS = 32_768;

export interface BoundedText {
  text: string;
  truncated: boolean;
}

// Invisible format characters (zero-width spaces and joiners, bidi overrides, BOM): a key split by one would
// slip past redaction yet still show whole in a chat client.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

// Characters a secret is made of: a cut inside a run of them could leave a key fragment too short to redact.
const TOKEN_CHAR = /[\w.~+/=-]/;

/** The start of the token run holding `at` (or `at` itself), so the cut never splits a key. */
function cutBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && TOKEN_CHAR.test(text[i - 1] ?? '')) i--;
  return i;
}

/** The end of the token run holding `at`. A long run (a base64 blob) is dropped whole: it is never the error. */
function cutAfter(text: string, at: number): number {
  let i = at;
  while (i < text.length && TOKEN_CHAR.test(text[i] ?? '')) i++;
  return i;
}

/** Drop NULs, control and invisible characters (keep tab/newline), repair lone surrogates, keep head and tail. */
export function boundText(raw: string): BoundedText {
  let text = String(raw ?? '');
  if (text.length > MAX_TEXT_CHARS * 4)
    text = `${text.slice(0, MAX_TEXT_CHARS * 2)}\n${text.slice(-MAX_TEXT_CHARS * 2)}`;
  text = text
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n');
  if (text.length <= MAX_TEXT_CHARS) return { text, truncated: false };
  const half = MAX_TEXT_CHARS / 2;
  // Cut between tokens so no secret is split into an unrecognisable fragment.
  const headEnd = cutBefore(text, half);
  const tailStart = cutAfter(text, text.length - half);
  return {
    text: `${text.slice(0, headEnd)}\n[… ${tailStart - headEnd} characters omitted …]\n${text.slice(tailStart)}`,
    truncated: true,
  };
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
