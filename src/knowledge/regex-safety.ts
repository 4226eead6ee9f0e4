// Refuses regexes that can backtrack catastrophically, at rule load and in `rules lint`.
// Three layers, cheapest first: a structural check (star height > 1 is refused outright), known verdicts
// (regex-verdict-store.ts: memory, the committed seed for the bundled rules, a disk cache), and the maintained
// checker `recheck`, run in a worker thread with a deadline (regex-worker.ts). recheck's verdict decides; a pattern
// it cannot give a verdict on in time is refused ("unknown" is unsafe). The only attack ever run is run in the
// worker, with its own deadline, to measure a pattern whose bounded repeats recheck cannot weigh.

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
import { runInWorker, runInWorkerSync, type WorkerAnswer, type WorkerOp } from './regex-worker.js';

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

// ---- recheck, in the worker --------------------------------------------------------------------------------

interface Pump {
  prefix: string;
  pump: string;
}
interface RecheckDiagnostics {
  status: 'safe' | 'vulnerable' | 'unknown';
  complexity?: { type: string; summary: string };
  attack?: { pattern: string; string: string; pumps?: Pump[]; suffix?: string };
  error?: { kind: string };
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

/**
 * `pattern` with every bounded repeat `{m,n}` made unbounded (`{m,}`). recheck's automaton unrolls bounded repeats
 * and calls `(?:a|b|ab){0,60}c` linear — true, with a constant of 2^60. Checked widened, a pattern is proven
 * linear whatever its bounds; only a widened pattern found super-linear needs its real bounds measured.
 */
export function widenBoundedRepeats(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (c === '[') {
      let j = i + 1;
      for (; j < pattern.length && pattern[j] !== ']'; j++) if (pattern[j] === '\\') j++;
      out += pattern.slice(i, j + 1);
      i = j;
    } else if (c === '{') {
      const m = /^\{(\d+),(\d+)\}/.exec(pattern.slice(i, i + 24));
      if (m) {
        out += `{${m[1]},}`;
        i += m[0].length - 1;
      } else out += c;
    } else out += c;
  }
  return out;
}

/** Is every bounded repeat `{m,n}` in `pattern` applied to one character, class or escape (never to a group)? */
export function onlyCharRepeatsBounded(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (c === ')' && /^\{\d+,\d+\}/.test(pattern.slice(i + 1, i + 24))) return false;
  }
  return true;
}

/** A super-linear match that still finishes within this at the largest text we diagnose is harmless. */
const ATTACK_BUDGET_MS = 100;
/** How long the worker may take over one recheck call or one timed attack before it is stopped. */
const CHECK_DEADLINE_MS = 3000;
const TIME_DEADLINE_MS = 1500;

// A fixed seed: the fuzz checker then explores the same inputs on every machine, so verdicts do not vary by run.
const COMMON = { maxPatternSize: 5000, maxNFASize: 200_000, randomSeed: 42 };

type Step = WorkerOp;
type Decision = Generator<Step, RegexVerdict, WorkerAnswer>;

const noVerdict = (why: string): RegexVerdict => ({
  safe: false,
  checker: 'unverified',
  reason: `recheck could not prove it safe (${why}); simplify it: fewer alternatives, no lookaround, shorter bounded repeats`,
});

function refusal(d: RecheckDiagnostics, detail: string): RegexVerdict {
  return {
    safe: false,
    checker: 'recheck',
    reason: `${d.complexity?.summary ?? 'super-linear'} backtracking${detail}`,
    attack: d.attack ? attackAtBound(d.attack) : undefined,
  };
}

/** A super-linear verdict on a pattern with bounds: measure the real pattern on the attack, in the worker. */
function* measured(pattern: string, flags: string, d: RecheckDiagnostics): Decision {
  if (!d.attack) return refusal(d, '');
  const attack = attackAtBound(d.attack);
  const timed = yield { kind: 'time', source: pattern, flags, input: attack };
  const ms = timed.timeout ? Number.POSITIVE_INFINITY : Number(timed.ms);
  if (ms > ATTACK_BUDGET_MS)
    return refusal(d, `: ${timed.timeout ? `over ${TIME_DEADLINE_MS}` : Math.round(ms)} ms on ${d.attack.pattern}`);
  return { safe: true, checker: 'recheck', attack };
}

/** One recheck call: the automaton checker (exact) gets 700 ms, the fuzzer 800 ms, inside the worker's deadline. */
const checkStep = (source: string, flags: string, checker: 'automaton' | 'fuzz'): Step => ({
  kind: 'check',
  source,
  flags,
  params: { ...COMMON, checker, timeout: checker === 'automaton' ? 700 : 800 },
});

function* decide(pattern: string, flags: string, splitAllowed: boolean): Decision {
  const widened = widenBoundedRepeats(pattern);
  const exactAnswer = yield checkStep(widened, flags, 'automaton');
  if (exactAnswer.timeout) return noVerdict('the checker did not answer in time');
  let exact = exactAnswer as unknown as RecheckDiagnostics;
  if (exact.status === 'unknown' && widened !== pattern && onlyCharRepeatsBounded(pattern)) {
    // No verdict on the widened form. With its bounds, the automaton is exact, and a bounded repeat of one
    // character or class (`.{1,80}`) cannot multiply paths the way a bounded repeat of a group can.
    const bounded = yield checkStep(pattern, flags, 'automaton');
    if (!bounded.timeout) exact = bounded as unknown as RecheckDiagnostics;
  }
  if (exact.status === 'safe') return { safe: true, checker: 'recheck' };
  if (exact.status === 'vulnerable') {
    if (widened === pattern) return refusal(exact, `, e.g. on ${exact.attack?.pattern ?? 'a crafted input'}`);
    return yield* measured(pattern, flags, exact);
  }
  // An unanchored top-level alternation costs the sum of its branches, so it is safe when every branch is.
  const branches = topLevelBranches(pattern);
  if (splitAllowed && branches.length > 1) {
    let attack: string | undefined;
    for (const b of branches) {
      const v = yield* decide(b, flags, false);
      if (!v.safe) return v;
      attack ??= v.attack;
    }
    return { safe: true, checker: 'recheck', attack };
  }
  const fuzzAnswer = yield checkStep(pattern, flags, 'fuzz');
  if (fuzzAnswer.timeout) return noVerdict('the checker did not answer in time');
  const fuzz = fuzzAnswer as unknown as RecheckDiagnostics;
  if (fuzz.status === 'safe') return { safe: true, checker: 'recheck' };
  // The fuzzer over-reports bounded repeats: its attack is measured (in the worker) before refusing.
  if (fuzz.status === 'vulnerable') return yield* measured(pattern, flags, fuzz);
  return noVerdict(fuzz.error?.kind ?? 'unknown');
}

const deadlineOf = (step: Step) => (step.kind === 'time' ? TIME_DEADLINE_MS : CHECK_DEADLINE_MS);

function driveSync(d: Decision): RegexVerdict {
  let next = d.next();
  while (!next.done) next = d.next(runInWorkerSync(next.value, deadlineOf(next.value)));
  return next.value;
}

async function driveAsync(d: Decision): Promise<RegexVerdict> {
  let next = d.next();
  while (!next.done) next = d.next(await runInWorker(next.value, deadlineOf(next.value)));
  return next.value;
}

function recheckInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('recheck');
    return true;
  } catch {
    return false;
  }
}

// ---- public ---------------------------------------------------------------------------------------------------

/** recheck's verdict alone (cached), without the structural gate: for regexes in code, where shape rules don't apply. */
export function recheckVerdict(pattern: string, flags = 'i'): RegexVerdict {
  const key = verdictKey(pattern, flags);
  const known = knownVerdict(key);
  if (known) return known;
  if (!useRecheck) return { safe: true, checker: 'unverified', reason: 'recheck turned off' };
  if (!recheckInstalled()) return noVerdict('recheck is not installed (npm i recheck) to check this pattern');
  const verdict = driveSync(decide(pattern, flags, true));
  remember(key, verdict);
  return verdict;
}

/** The same verdict without blocking this thread (reloads in a running server); cached for the sync path. */
export async function recheckVerdictAsync(pattern: string, flags = 'i'): Promise<RegexVerdict> {
  const key = verdictKey(pattern, flags);
  const known = knownVerdict(key);
  if (known) return known;
  if (!useRecheck || !recheckInstalled()) return recheckVerdict(pattern, flags);
  const verdict = await driveAsync(decide(pattern, flags, true));
  remember(key, verdict);
  return verdict;
}

/** Warm the verdicts of these patterns off the main thread, so a load that follows blocks on none of them. */
export async function prewarmRegexVerdicts(patterns: { pattern: string; flags: string }[]): Promise<void> {
  for (const { pattern, flags } of patterns) if (!structural(pattern)) await recheckVerdictAsync(pattern, flags);
}

function remember(key: string, verdict: RegexVerdict): void {
  // A verdict cut short by the deadline is kept for this process only: a quieter machine may reach one.
  const timedOut = verdict.checker === 'unverified';
  rememberVerdict(key, verdict, !timedOut);
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
