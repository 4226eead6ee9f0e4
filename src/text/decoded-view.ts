// A decoded view of a text, for finding secrets hidden behind escapes. Logs and pastes carry text escaped for JSON
// (`\n`, `\"`, `\u0022`), URLs (`%20`, `%3D`, double-encoded `%253D`), Python and shell (`\x27`), and split by
// invisible characters (zero-width spaces, soft hyphens). A key right after `\n` written as two characters is
// glued to the letter `n`, so no word boundary is seen. The view undoes those escapes and drops invisible
// characters, and remembers for every character of the view which characters of the source it came from, so a
// secret found in the view is replaced in the source, and everything else is left exactly as it was.

/** Invisible format characters: zero-width spaces and joiners, bidi controls, word joiners, BOM, soft hyphen. */
export const INVISIBLE_CHARS = '\\u00ad\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff';
const INVISIBLE_ONE = new RegExp(`[${INVISIBLE_CHARS}]`);
/** Every invisible character is at or above U+00AD: below it, the regex need not be asked (per character). */
const FIRST_INVISIBLE = 0xad;
const invisible = (ch: string) => ch.charCodeAt(0) >= FIRST_INVISIBLE && INVISIBLE_ONE.test(ch);

export interface DecodedView {
  text: string;
  /** `start[i]`..`end[i]`: the source characters view character `i` came from. */
  start: number[];
  end: number[];
}

/** Might `text` hold an escape or an invisible character? (The common case skips the view entirely.) */
export function needsView(text: string): boolean {
  return text.includes('\\') || text.includes('%') || INVISIBLE_ONE.test(text);
}

const BACKSLASH: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\', '/': '/' };
const HEX = /^[0-9A-Fa-f]+$/;

/** One escape at `i`: [decoded character, source length], or undefined. */
function escapeAt(s: string, i: number): [string, number] | undefined {
  const c = s[i];
  if (c === '%') {
    const hex = s.slice(i + 1, i + 3);
    return hex.length === 2 && HEX.test(hex) ? [String.fromCharCode(Number.parseInt(hex, 16)), 3] : undefined;
  }
  if (c !== '\\') return undefined;
  const n = s[i + 1] ?? '';
  if (n in BACKSLASH) return [BACKSLASH[n]!, 2];
  if (n === 'u' || n === 'x') {
    const len = n === 'u' ? 4 : 2;
    const hex = s.slice(i + 2, i + 2 + len);
    return hex.length === len && HEX.test(hex) ? [String.fromCharCode(Number.parseInt(hex, 16)), 2 + len] : undefined;
  }
  return undefined;
}

/** One pass over `view`: undo one level of escapes (when `decode`), drop invisible characters. */
function pass(view: DecodedView, decode: boolean): DecodedView {
  const s = view.text;
  // Nothing to undo and nothing to drop: the view as it is.
  if (!decode && !INVISIBLE_ONE.test(s)) return view;
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let pending = -1; // the start of invisible characters dropped just before the next kept one
  for (let i = 0; i < s.length; ) {
    const esc = decode ? escapeAt(s, i) : undefined;
    const [ch, len] = esc ?? [s[i]!, 1];
    const from = view.start[i]!;
    const to = view.end[i + len - 1]!;
    i += len;
    if (invisible(ch)) {
      if (pending < 0) pending = from;
      continue;
    }
    out.push(ch);
    start.push(pending >= 0 ? pending : from);
    end.push(to);
    pending = -1;
  }
  return { text: out.join(''), start, end };
}

/** The view of `source`: two levels of escapes undone (double-encoding), invisible characters dropped. */
export function decodedView(source: string): DecodedView {
  const identity: DecodedView = { text: source, start: [], end: [] };
  for (let i = 0; i < source.length; i++) {
    identity.start.push(i);
    identity.end.push(i + 1);
  }
  return pass(pass(pass(identity, true), true), false);
}

/**
 * One pass of `pass` for the text alone (no source positions): the cheap look before a view is built. Runs of
 * characters that are neither an escape's start nor possibly invisible are copied whole.
 */
function passText(s: string, decode: boolean): string {
  if (!INVISIBLE_ONE.test(s) && (!decode || (!s.includes('\\') && !s.includes('%')))) return s;
  let out = '';
  let at = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 92 && c !== 37 && c < FIRST_INVISIBLE) continue; // not `\`, `%` or possibly invisible
    const esc = decode ? escapeAt(s, i) : undefined;
    if (esc) {
      out += s.slice(at, i);
      if (!invisible(esc[0])) out += esc[0];
      i += esc[1] - 1;
      at = i + 1;
    } else if (invisible(s[i]!)) {
      out += s.slice(at, i);
      at = i + 1;
    }
  }
  return out + s.slice(at);
}

/** `decodedView(source).text`, without the positions: redaction looks for anchors in it first. */
export function decodedText(source: string): string {
  return passText(passText(passText(source, true), true), false);
}

/**
 * `view` with every match of `pattern` (global) given to `replace`: its return value takes the match's place (as new
 * characters, from no source), `undefined` keeps the match.
 */
export function replaceInView(
  view: DecodedView,
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string | undefined,
): DecodedView {
  const text: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  let changed = false;
  const keep = (to: number) => {
    text.push(view.text.slice(at, to));
    for (let i = at; i < to; i++) {
      start.push(view.start[i]!);
      end.push(view.end[i]!);
    }
  };
  pattern.lastIndex = 0;
  for (let m = pattern.exec(view.text); m; m = pattern.exec(view.text)) {
    const replaced = replace(m);
    if (replaced === undefined) {
      // A kept match is searched again from its next character: a key may sit inside it.
      pattern.lastIndex = m.index + 1;
      continue;
    }
    if (m[0] === '') pattern.lastIndex++;
    changed = true;
    keep(m.index);
    text.push(replaced);
    for (let i = 0; i < replaced.length; i++) {
      start.push(-1);
      end.push(-1);
    }
    at = m.index + m[0].length;
  }
  if (!changed) return view;
  keep(view.text.length);
  return { text: text.join(''), start, end };
}

/** The source again, with what was replaced in the view replaced; everything else exactly as it was. */
export function renderView(source: string, view: DecodedView): string {
  const out: string[] = [];
  for (let i = 0; i < view.text.length; i++) {
    const s = view.start[i]!;
    out.push(s < 0 ? view.text[i]! : source.slice(s, view.end[i]!));
  }
  return out.join('');
}
