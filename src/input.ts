// Bounds and cleans pasted text before anything else sees it.

/** Characters of text diagnosed; beyond this the middle is dropped (errors sit at the start or the end). */
export const MAX_TEXT_CHARS = 32_768;

export interface BoundedText {
  text: string;
  truncated: boolean;
}

/** Drop NULs and control characters (keep tab/newline), repair lone surrogates, keep head and tail. */
export function boundText(raw: string): BoundedText {
  let text = String(raw ?? '');
  if (text.length > MAX_TEXT_CHARS * 4)
    text = `${text.slice(0, MAX_TEXT_CHARS * 2)}\n${text.slice(-MAX_TEXT_CHARS * 2)}`;
  text = text
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\r\n?/g, '\n');
  if (text.length <= MAX_TEXT_CHARS) return { text, truncated: false };
  const half = MAX_TEXT_CHARS / 2;
  // Cut at whitespace so no secret is split into an unrecognisable fragment.
  const headEnd = Math.max(text.lastIndexOf(' ', half), text.lastIndexOf('\n', half), half - 200);
  const tailStart = Math.min(
    ...[text.indexOf(' ', text.length - half), text.indexOf('\n', text.length - half)].filter((i) => i >= 0),
    text.length - half + 200,
  );
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
