// A regex that opens with look-behinds (`(?<![\w.])…`) is tried by V8 at every position of the text, look-behinds
// first: no quick scan for the literal that follows can skip ahead. Split off, the rest runs alone (and fast) and
// the look-behinds are checked only where it matched. The matches are exactly the whole regex's: a zero-width
// assertion at the start holds or not at a position regardless of what follows, so the first position at or after
// the cursor where the whole regex matches is the first position where the rest matches and the look-behinds hold,
// and the match there is the rest's match. Where they do not hold, the search goes on one position further.
import { topLevelAlternatives } from '../scan/regex-literals.js';

export interface LookbehindLast {
  /** The regex without its leading look-behinds, global. */
  readonly rest: RegExp;
  /** The leading look-behinds alone, sticky: test() at lastIndex = a position tells whether they hold there. */
  readonly behind: RegExp;
}

/** The end (exclusive) of the group opened at `i`, honouring escapes and classes. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  let inClass = false;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

/** Split `re` (flags kept); throws when it does not open with look-behinds that can be split off soundly. */
export function lookbehindLast(re: RegExp): LookbehindLast {
  const src = re.source;
  // With u or v a position may not split a surrogate pair: "one position further" is no longer one code unit.
  if (re.unicode || re.flags.includes('v')) throw new Error(`${re}: u and v flags are not split`);
  let at = 0;
  while (src.startsWith('(?<!', at) || src.startsWith('(?<=', at)) {
    const end = groupEnd(src, at);
    // A capture inside would renumber the rest's groups.
    if (end < 0 || /\((?!\?)/.test(src.slice(at + 1, end).replace(/\\./g, ''))) break;
    at = end;
  }
  // `(?<!x)a|b` is an alternation whose second branch has no look-behind.
  if (at === 0 || topLevelAlternatives(src).length !== 1) throw new Error(`${re} opens with no look-behind to split`);
  const flags = re.flags.replace(/[gy]/g, '');
  return { rest: new RegExp(src.slice(at), `${flags}g`), behind: new RegExp(src.slice(0, at), `${flags}y`) };
}

/** The first match at or after `from`, as `re.exec` from lastIndex `from` would find it; null when none. */
export function execFrom(split: LookbehindLast, text: string, from: number): RegExpExecArray | null {
  const { rest, behind } = split;
  rest.lastIndex = from;
  for (let m = rest.exec(text); m; m = rest.exec(text)) {
    behind.lastIndex = m.index;
    if (behind.test(text)) return m;
    rest.lastIndex = m.index + 1;
  }
  return null;
}

/** The match after `m`, as matchAll steps: from its end, or one further after an empty match. */
export const nextFrom = (m: RegExpExecArray) => m.index + Math.max(1, m[0].length);
