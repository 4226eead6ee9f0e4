// Refuses regexes that can backtrack catastrophically, at rule load and in `rules lint`.
// Three layers, cheapest first: a structural check (star height > 1 is refused outright), known verdicts
// (regex-verdict-store.ts: memory, the committed seed, a disk cache), and the maintained checker `recheck`.
// Rule loading runs on every CLI start, so recheck — seconds per pattern when cold — runs only on a cache miss.

import { createRequire } from 'node:module';
import { MAX_TEXT_CHARS } from '../text/input.js';
import {
  configureVerdictStore,
  knownVerdict,
  type RegexVerdict,
  rememberVerdict,
  seedHasKey,
  verdictKey,
  writeSeed,
} from './regex-verdict-store.js';

export type { RegexVerdict } from './regex-verdict-store.js';

let useRecheck = true;

/**
 * Tests point the disk cache elsewhere (`null` turns it off, `'default'` restores it), turn the committed seed or
 * recheck off. Memory is cleared either way, as in a new process.
 */
export function configureRegexSafety(options: { cacheFile?: string | null; recheck?: boolean; seed?: boolean }): void {
  if (options.recheck !== undefined) useRecheck = options.recheck;
  configureVerdictStore(options);
}

/**
 * Star height > 1: an innermost group holding an unbounded quantifier, itself quantified — `(a+)+`, `(\w*\s?)*`,
 * `(x+){2,}`. A linear scan rather than a regex: a regex for this shape is itself polynomial.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const stack: { unbounded: boolean; nested: boolean }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') {
      // Skip the class: `+` or `*` inside it are literals.
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (c === '(') {
      const parent = stack.at(-1);
      if (parent) parent.nested = true;
      stack.push({ unbounded: false, nested: false });
    } else if (c === ')') {
      const group = stack.pop();
      let j = i + 1;
      while (pattern[j] === ' ') j++;
      const next = pattern.slice(j, j + 12);
      if (group?.unbounded && !group.nested && /^(?:[+*]|\{\d+,\d*\})/.test(next)) return true;
    } else if ((c === '+' || c === '*') && stack.length) {
      const top = stack.at(-1);
      if (top) top.unbounded = true;
    }
  }
  return false;
}

const MAX_PATTERN_CHARS = 2000;
/** A super-linear match that still finishes within this at the largest text we diagnose is harmless. */
const ATTACK_BUDGET_MS = 100;

function structural(pattern: string): RegexVerdict | undefined {
  if (pattern.length > MAX_PATTERN_CHARS)
    return { safe: false, checker: 'structural', reason: `pattern longer than ${MAX_PATTERN_CHARS} characters` };
  if (hasNestedQuantifier(pattern))
    return {
      safe: false,
      checker: 'structural',
      reason: 'a quantified group contains another unbounded quantifier (e.g. (a+)+)',
    };
  return undefined;
}

// ---- recheck --------------------------------------------------------------------------------------------------

interface Pump {
  prefix: string;
  pump: string;
}
interface RecheckDiagnostics {
  status: 'safe' | 'vulnerable' | 'unknown';
  checker?: string;
  complexity?: { type: string; summary: string };
  attack?: { pattern: string; string: string; pumps?: Pump[]; suffix?: string };
  error?: { kind: string };
}
type CheckSync = (source: string, flags: string, params: Record<string, unknown>) => RecheckDiagnostics;

let checkSync: CheckSync | null | undefined;

/** Loaded on first use only: it is 3 MB of JavaScript that a warm CLI start never needs. */
function recheck(): CheckSync | null {
  if (checkSync !== undefined) return checkSync;
  try {
    checkSync = (createRequire(import.meta.url)('recheck') as { checkSync: CheckSync }).checkSync;
  } catch {
    checkSync = null;
  }
  return checkSync;
}

/** The attack grown (or shrunk) to the largest text we ever match against. */
export function attackAtBound(attack: NonNullable<RecheckDiagnostics['attack']>, bound = MAX_TEXT_CHARS): string {
  const pumps = attack.pumps ?? [];
  const fixed = pumps.reduce((n, p) => n + p.prefix.length, 0) + (attack.suffix ?? '').length;
  const per = pumps.reduce((n, p) => n + p.pump.length, 0);
  if (!per) return attack.string.slice(0, bound);
  const times = Math.max(1, Math.floor((bound - fixed) / per));
  return pumps.map((p) => p.prefix + p.pump.repeat(times)).join('') + (attack.suffix ?? '');
}

function timeAttack(pattern: string, flags: string, input: string): number {
  const re = new RegExp(pattern, flags);
  const start = process.hrtime.bigint();
  re.test(input);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Top-level alternatives of `pattern` (`a|b(c|d)` -> `a`, `b(c|d)`), respecting groups, classes and escapes. */
export function topLevelBranches(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  out.push(pattern.slice(start));
  return out;
}

function refusal(d: RecheckDiagnostics, detail: string): RegexVerdict {
  return {
    safe: false,
    checker: 'recheck',
    reason: `${d.complexity?.summary ?? 'super-linear'} backtracking${detail}`,
    attack: d.attack ? attackAtBound(d.attack) : undefined,
  };
}

function checkOne(check: CheckSync, pattern: string, flags: string, splitAllowed: boolean): RegexVerdict {
  // The automaton checker is exact and, with bounded repeats unrolled, does not mistake `.{0,40}` for a
  // polynomial; it can time out on large alternations.
  const exact = check(pattern, flags, { ...COMMON, checker: 'automaton', timeout: 700, maxRepeatCount: 1000 });
  if (exact.status === 'safe') return { safe: true, checker: 'recheck' };
  if (exact.status === 'vulnerable') return refusal(exact, `, e.g. on ${exact.attack?.pattern ?? 'a crafted input'}`);
  // An unanchored top-level alternation costs the sum of its branches, so it is safe when every branch is.
  const branches = topLevelBranches(pattern);
  if (splitAllowed && branches.length > 1) {
    const verdicts = branches.map((b) => checkOne(check, b, flags, false));
    return (
      verdicts.find((v) => !v.safe) ??
      verdicts.find((v) => v.checker === 'unverified') ?? {
        safe: true,
        checker: 'recheck',
        attack: verdicts.find((v) => v.attack)?.attack,
      }
    );
  }
  const fuzz = check(pattern, flags, { ...COMMON, checker: 'fuzz', timeout: 800 });
  if (fuzz.status === 'safe') return { safe: true, checker: 'recheck' };
  if (fuzz.status === 'vulnerable' && fuzz.attack) {
    // The fuzzer over-reports bounded repeats; keep its attack, and refuse only if it really is slow at our bound.
    const attack = attackAtBound(fuzz.attack);
    const ms = timeAttack(pattern, flags, attack);
    if (ms > ATTACK_BUDGET_MS) return refusal(fuzz, `: ${Math.round(ms)} ms on ${fuzz.attack.pattern}`);
    return { safe: true, checker: 'recheck', attack };
  }
  return { safe: true, checker: 'unverified', reason: `recheck gave no verdict (${fuzz.error?.kind ?? 'unknown'})` };
}

// A fixed seed: the fuzz checker then explores the same inputs on every machine, so verdicts do not vary by run.
const COMMON = { maxPatternSize: 5000, maxNFASize: 200_000, randomSeed: 42 };

function runRecheck(pattern: string, flags: string): RegexVerdict {
  const check = recheck();
  if (!check) return { safe: true, checker: 'unverified', reason: 'recheck is not installed; structural check only' };
  try {
    return checkOne(check, pattern, flags, true);
  } catch (err) {
    return { safe: true, checker: 'unverified', reason: `recheck failed: ${(err as Error).message}` };
  }
}

// ---- public ---------------------------------------------------------------------------------------------------

/** recheck's verdict alone (cached), without the structural gate: for regexes in code, where shape rules don't apply. */
export function recheckVerdict(pattern: string, flags = 'i'): RegexVerdict {
  const key = verdictKey(pattern, flags);
  const known = knownVerdict(key);
  if (known) return known;
  if (!useRecheck) return { safe: true, checker: 'unverified', reason: 'recheck turned off' };
  const verdict = runRecheck(pattern, flags);
  // An unverified verdict is cached too: retrying it would cost seconds on every start for the same answer.
  rememberVerdict(key, verdict, verdict.reason?.startsWith('recheck is not installed') !== true);
  return verdict;
}

/** The full verdict for `pattern` compiled with `flags` (`i` for `matches`, `` for `matchesCase`). */
export function regexVerdict(pattern: string, flags = 'i'): RegexVerdict {
  return structural(pattern) ?? recheckVerdict(pattern, flags);
}

/** Returns why the pattern is unsafe, or undefined when it is safe. */
export function checkRegexSafety(pattern: string, flags = 'i'): string | undefined {
  const verdict = regexVerdict(pattern, flags);
  return verdict.safe ? undefined : verdict.reason;
}

/** Write the committed seed: the verdict of every given pattern (computing what is not known yet). */
export function writeVerdictSeed(patterns: { pattern: string; flags: string }[]): number {
  const verdicts: Record<string, RegexVerdict> = {};
  for (const { pattern, flags } of patterns) {
    if (structural(pattern)) continue;
    verdicts[verdictKey(pattern, flags)] = recheckVerdict(pattern, flags);
  }
  writeSeed(verdicts);
  return Object.keys(verdicts).length;
}

/** Whether the committed seed already holds a verdict for this pattern. */
export function seedHas(pattern: string, flags: string): boolean {
  return seedHasKey(verdictKey(pattern, flags));
}
