// Per-stage time of a diagnosis, so a regression shows where it came from: the stages diagnose() is made of
// (src/diagnose/diagnose.ts), run one by one on the same code, each timed on its own, plus the HTTP answer's
// serialisation. Median and p99 over every call, in microseconds.
import { answerStage, boundStage, extractStage, redactStage } from '../src/diagnose/diagnose.js';
import { rankMatches } from '../src/diagnose/rank.js';
import type { RuleMatch } from '../src/engine/match.js';
import type { IndexedRuleSet } from '../src/engine/rule-set.js';
import type { DiagnoseResult } from '../src/types.js';
import type { BenchInput } from './inputs.js';

export const STAGES = ['bound', 'redact', 'extract', 'select', 'evaluate', 'rank', 'render', 'serialise'] as const;
type Stage = (typeof STAGES)[number];

export type StageFigures = Record<Stage | 'total', { p50Us: number; p99Us: number }>;

/** Time each stage on `inputs` in turn for about `budgetMs`; `serialise` is the HTTP answer's serializer. */
export function measureStages(
  rules: IndexedRuleSet,
  inputs: readonly BenchInput[],
  serialise: (result: DiagnoseResult) => string | Uint8Array,
  budgetMs: number,
): StageFigures {
  const times: Record<Stage | 'total', number[]> = Object.fromEntries(
    [...STAGES, 'total'].map((s) => [s, [] as number[]]),
  ) as Record<Stage | 'total', number[]>;
  const once = (text: string, record: boolean) => {
    const t0 = performance.now();
    const coarse = boundStage(text);
    const t1 = performance.now();
    const redacted = redactStage(coarse, undefined);
    const t2 = performance.now();
    const facts = extractStage(redacted);
    const t3 = performance.now();
    const candidates = facts.plainChat ? [] : rules.candidates(facts);
    const t4 = performance.now();
    const matches: RuleMatch[] = rules.evaluateCandidates(facts, candidates);
    const t5 = performance.now();
    const ranked = rankMatches(matches);
    const t6 = performance.now();
    const result = answerStage(ranked, facts, redacted.findings);
    const t7 = performance.now();
    serialise(result);
    const t8 = performance.now();
    if (!record) return;
    const marks = [t0, t1, t2, t3, t4, t5, t6, t7, t8];
    for (const [i, s] of STAGES.entries()) times[s].push(((marks[i + 1] as number) - (marks[i] as number)) * 1000);
    times.total.push((t8 - t0) * 1000);
  };
  const warmEnd = performance.now() + budgetMs / 5;
  for (let i = 0; performance.now() < warmEnd; i++) once((inputs[i % inputs.length] as BenchInput).text, false);
  const end = performance.now() + budgetMs;
  for (let i = 0; performance.now() < end || i < inputs.length; i++)
    once((inputs[i % inputs.length] as BenchInput).text, true);
  const pick = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return Math.round(10 * (s[Math.min(s.length - 1, Math.floor(p * s.length))] as number)) / 10;
  };
  return Object.fromEntries(
    Object.entries(times).map(([s, xs]) => [s, { p50Us: pick(xs, 0.5), p99Us: pick(xs, 0.99) }]),
  ) as StageFigures;
}

export function formatStages(rows: Record<string, StageFigures>): string {
  const cols = [...STAGES, 'total'] as const;
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const head = `${'stage µs'.padEnd(18)}${cols.map((c) => pad(c, 13)).join('')}`;
  const lines = Object.entries(rows).map(
    ([name, f]) => `${name.padEnd(18)}${cols.map((c) => pad(`${f[c].p50Us}/${f[c].p99Us}`, 13)).join('')}`,
  );
  return [head, ...lines].join('\n');
}
