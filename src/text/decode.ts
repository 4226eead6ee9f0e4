// Bytes of a pasted file → text. Logs do not all arrive as UTF-8: PowerShell's `>` writes UTF-16 LE with a BOM, and
// a Windows machine in a Chinese locale writes GBK (which GB18030 contains). Order: a BOM decides; then UTF-16
// without one (every other byte NUL); then strict UTF-8; then GB18030 when it decodes cleanly and reads as Chinese;
// anything else is left for the binary check, whose message gives the `iconv` command that would convert it.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedBytes {
  text: string;
  encoding: TextEncodingName;
}

/** The encoding of `bytes` (a whole file, or its first part), by BOM, NUL pattern, then strict decoding. */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const sample = bytes.subarray(0, 8192);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? oddNul++ : evenNul++;
  const pairs = sample.length / 2;
  // ASCII text in UTF-16 has a NUL in every pair; a binary file has them scattered over both positions.
  if (pairs >= 2 && oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return { encoding: 'utf-16le', bom: 0 };
  if (pairs >= 2 && evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return { encoding: 'utf-16be', bom: 0 };
  // A cut inside a multi-byte character at the end of the sample is no reason to doubt the encoding.
  const probe = trimPartial(sample, bytes.length > sample.length);
  if (decodes('utf-8', probe)) return { encoding: 'utf-8', bom: 0 };
  if (decodes('gb18030', probe) && readsAsChinese(new TextDecoder('gb18030').decode(probe)))
    return { encoding: 'gb18030', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

/** Decode `bytes` as detected; undecodable bytes become U+FFFD, which the binary check counts. */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  const { encoding, bom } = detectEncoding(bytes);
  return { text: decodeAs(encoding, bytes.subarray(bom)), encoding };
}

/** Decode with a known encoding (non-fatal). UTF-16 input of odd length loses its last half character. */
export function decodeAs(encoding: TextEncodingName, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** The command that converts a file the CLI could not read as text, for the error message. */
export function iconvHint(file: string): string {
  return `iconv -f GB18030 -t UTF-8 ${file} > ${file}.utf8.txt (or -f UTF-16 for a UTF-16 file without a BOM)`;
}

function decodes(encoding: TextEncodingName, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Drop up to 3 trailing bytes of a sample cut from a longer input: they may be half a character. */
function trimPartial(sample: Uint8Array, cut: boolean): Uint8Array {
  if (!cut) return sample;
  let end = sample.length;
  while (end > 0 && sample.length - end < 3 && (sample[end - 1] ?? 0) >= 0x80) end--;
  return sample.subarray(0, end);
}

/**
 * Some Chinese (ideographs or full-width punctuation). Strict GB18030 decoding is already a strong sign: random
 * bytes almost always hold a 0x80 or 0xFF, which it refuses; this keeps out the few that slip through.
 */
function readsAsChinese(text: string): boolean {
  return /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text);
}
