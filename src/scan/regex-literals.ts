// What text a regex cannot match without: for each top-level alternative, a mandatory literal run or the
// literals of a mandatory group.
// Used only to pre-select candidate rules, so every step errs towards "no literal" — a missed literal costs a
// little speed, a wrong one would lose a diagnosis. Literals are folded to lower case and hold only characters
// whose case matching is plain: ASCII, and caseless CJK script (no Greek final sigma, no dotted İ surprises).

/** Characters a literal may hold besides ASCII: caseless scripts, where no other character folds onto them. */
const CASELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff20]/u;

/** A literal of less weight than this is too common to select anything (CJK characters weigh 2). */
const MIN_LITERAL_WEIGHT = 3;

export function literalWeight(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 128 ? 1 : 2;
  return w;
}

function foldable(ch: string): string | undefined {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  return CASELESS.test(ch) ? ch : undefined;
}

/** Index just past the group opened at `i` (which holds `(`), honouring escapes and classes. */
function skipGroup(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') j = skipClass(src, j) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return src.length;
}

/** Index just past the class opened at `i` (which holds `[`). */
function skipClass(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']') return j + 1;
  }
  return src.length;
}

/** Split at top-level `|`. */
export function topLevelAlternatives(src: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') i = skipClass(src, i) - 1;
    else if (c === '(') i = skipGroup(src, i) - 1;
    else if (c === '|') {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

// Sticky: matched at an offset without slicing the pattern.
const QUANTIFIER = /(?:[*+?]|\{(\d+)(?:,\d*)?\})/y;
const HEX = /(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))/y;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
const ALNUM = /[A-Za-z0-9]/;
const LOOKAROUND = /\(\?<?[=!]/y;

function stickyExec(re: RegExp, src: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(src);
}

/**
 * Read one atom at `i`: a literal character (`ch`), or a piece that breaks a literal run (`ch` undefined),
 * or a zero-width assertion that neither adds nor breaks (`zeroWidth`).
 */
function readAtom(src: string, i: number): { ch?: string; end: number; zeroWidth?: boolean } {
  const c = src[i] as string;
  if (c === '^' || c === '$') return { end: i + 1, zeroWidth: true };
  if (c === '.') return { end: i + 1 };
  if (c === '[') return { end: skipClass(src, i) };
  if (c === '(') {
    const end = skipGroup(src, i);
    // Lookarounds consume nothing: the characters around them are still adjacent in any match.
    return stickyExec(LOOKAROUND, src, i) ? { end, zeroWidth: true } : { end };
  }
  if (c === '\\') {
    const e = src[i + 1];
    if (e === undefined) return { end: i + 1 };
    if (e === 'b' || e === 'B') return { end: i + 2, zeroWidth: true };
    const hex = stickyExec(HEX, src, i + 1);
    if (hex) return { ch: String.fromCharCode(parseInt((hex[1] ?? hex[2]) as string, 16)), end: i + 1 + hex[0].length };
    const simple = SIMPLE_ESCAPES[e];
    if (simple) return { ch: simple, end: i + 2 };
    // Escaped punctuation is itself; any other escaped letter or digit (classes, back-references, \c…) breaks.
    if (ALNUM.test(e)) return { end: i + 2 };
    return { ch: e, end: i + 2 };
  }
  if (c === '*' || c === '+' || c === '?' || c === '|' || c === ')') return { end: i + 1 };
  return { ch: c, end: i + 1 };
}

/** Estimated chance a set of literals finds something in a typical paste: lower is more selective. */
function literalSetCost(literals: readonly string[]): number {
  let sum = 0;
  for (const l of literals) sum += 0.5 / literalWeight(l) ** 2;
  return sum;
}

/** A group's inner pattern: `(?:x)`, `(?<name>x)` and `(x)` all hold `x`; lookarounds hold none. */
function groupBody(group: string): string | undefined {
  if (/^\(\?<?[=!]/.test(group)) return undefined;
  const head = /^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/.exec(group)?.[0] ?? '(';
  return group.slice(head.length, -1);
}

/**
 * The most selective set of literals of which every match of this top-level sequence contains one (folded):
 * either one literal run, or the alternatives of a mandatory group. Undefined when there is none of weight.
 */
export function mandatoryLiterals(seq: string): string[] | undefined {
  let best: string[] | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  const offer = (set: string[] | undefined) => {
    if (!set || set.some((l) => literalWeight(l) < MIN_LITERAL_WEIGHT)) return;
    const cost = literalSetCost(set);
    if (cost < bestCost) [best, bestCost] = [set, cost];
  };
  let run = '';
  const flush = () => {
    if (run) offer([run]);
    run = '';
  };
  let i = 0;
  while (i < seq.length) {
    const start = i;
    const atom = readAtom(seq, i);
    i = atom.end;
    const q = stickyExec(QUANTIFIER, seq, i);
    let min = 1;
    if (q) {
      i += q[0].length;
      if (seq[i] === '?') i++; // lazy
      min = q[1] !== undefined ? Number(q[1]) : q[0] === '+' ? 1 : 0;
    }
    if (seq[start] === '(' && !atom.zeroWidth && min >= 1) {
      const body = groupBody(seq.slice(start, atom.end));
      if (body !== undefined) offer(requiredLiterals(body));
    }
    if (q) {
      // Optional (min 0) drops the atom; a repeated one (min >= 1) keeps one copy but ends the run.
      const folded = atom.ch === undefined ? undefined : foldable(atom.ch);
      if (min >= 1 && folded !== undefined) run += folded;
      flush();
      continue;
    }
    if (atom.zeroWidth) continue;
    const folded = atom.ch === undefined ? undefined : foldable(atom.ch);
    if (folded === undefined) flush();
    else run += folded;
  }
  flush();
  return best;
}

/**
 * The literals of which any match must contain at least one (folded to lower case), or undefined when some
 * top-level alternative has no literal of useful weight.
 */
export function requiredLiterals(pattern: string): string[] | undefined {
  const out = new Set<string>();
  for (const alt of topLevelAlternatives(pattern)) {
    const lits = mandatoryLiterals(alt);
    if (!lits) return undefined;
    for (const l of lits) out.add(l);
  }
  return [...out];
}
