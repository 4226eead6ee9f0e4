import { diagnose } from '../src/diagnose/diagnose.js';
import { buildEngine, runEngine } from '../src/engine/json-engine.js';
import type { RuleMatch } from '../src/engine/match.js';
import { createRuleSet } from '../src/engine/rule-set.js';
import { compiledRegex } from '../src/knowledge/operators.js';
import type { Condition, Rule } from '../src/knowledge/rule.js';
import type { FactMap, Facts } from '../src/types.js';
import { BENCH_INPUTS, type BenchInput } from './inputs.js';

const _MB = 2 ** 20;

export interface Timing {
  perSec: number;
  p50Us: number;
  p99Us: number;
  runs: number;
}

interface Sample {
  lat: number[];
  totalMs: number;
}

/** Call `fn` for `budgetMs` (at least `minRuns` times) after `warmMs` of warm-up; per-call latencies in ms. */
async function sample(fn: (i: number) => unknown, budgetMs: number, minRuns: number, warmMs: number): Promise<Sample> {
  const warmEnd = performance.now() + warmMs;
  for (let i = 0; performance.now() < warmEnd || i < 3; i++) await fn(i);
  const lat: number[] = [];
  const start = performance.now();
  for (let i = 0; performance.now() - start < budgetMs || lat.length < minRuns; i++) {
    const t0 = performance.now();
    await fn(i);
    lat.push(performance.now() - t0);
  }
  return { lat, totalMs: performance.now() - start };
}

function timingOf(samples: Sample[]): Timing {
  const lat = samples.flatMap((s) => s.lat).sort((a, b) => a - b);
  const total = samples.reduce((t, s) => t + s.totalMs, 0);
  const pct = (p: number) => Math.round((lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] as number) * 1000);
  return { perSec: Math.round((lat.length * 1000) / total), p50Us: pct(0.5), p99Us: pct(0.99), runs: lat.length };
}

/** Call `fn` repeatedly for `budgetMs` (at least `minRuns` times) after a short warm-up; per-call latencies. */
export async function measure(fn: (i: number) => unknown, budgetMs: number, minRuns = 20): Promise<Timing> {
  return timingOf([await sample(fn, budgetMs, minRuns, budgetMs / 5)]);
}

interface Run {
  fn: (i: number) => unknown;
  budgetMs: number;
  minRuns?: number;
}

/**
 * Several functions measured in `rounds` alternating slices of their budgets, so a drift in the machine's speed
 * (it went up to 1.5x within one bench run on a shared machine) weighs on all of them alike and their ratios hold.
 */
export async function measureInterleaved<K extends string>(
  runs: Record<K, Run>,
  rounds = 5,
): Promise<Record<K, Timing>> {
  const names = Object.keys(runs) as K[];
  const samples = Object.fromEntries(names.map((k) => [k, [] as Sample[]])) as Record<K, Sample[]>;
  for (let round = 0; round < rounds; round++)
    for (const k of names) {
      const { fn, budgetMs, minRuns = 20 } = runs[k];
      // The first slice warms the JIT; later ones only re-enter the code.
      const warmMs = round === 0 ? budgetMs / 5 : 0;
      samples[k].push(await sample(fn, budgetMs / rounds, Math.ceil(minRuns / rounds), warmMs));
    }
  return Object.fromEntries(names.map((k) => [k, timingOf(samples[k])])) as Record<K, Timing>;
}

/** Every regex leaf of every rule, compiled, with the fact it reads: what the floor loop tests. */
function regexLeaves(rules: readonly Rule[]): { fact: string; re: RegExp }[] {
  const out: { fact: string; re: RegExp }[] = [];
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ((c.operator === 'matches' || c.operator === 'matchesCase') && typeof c.value === 'string')
      out.push({ fact: c.fact, re: compiledRegex(c.value, c.operator === 'matches' ? 'i' : '') });
  };
  for (const r of rules) walk(r.when);
  return out;
}

function floorRun(leaves: { fact: string; re: RegExp }[], facts: Facts): number {
  let hits = 0;
  for (const { fact, re } of leaves) {
    const v = (facts as FactMap)[fact];
    if (typeof v === 'string') hits += re.test(v) ? 1 : 0;
    else if (Array.isArray(v)) for (const x of v) hits += re.test(x) ? 1 : 0;
  }
  return hits;
}

const matchKey = (ms: RuleMatch[]) =>
  ms
    .map((m) => `${m.rule.id}:${m.evidence.join('|')}`)
    .sort()
    .join('\n');

export interface SetFigures {
  rules: number;
  perSec: number;
  baselinePerSec: number;
  floorPerSec: number;
  p50Us: number;
  p99Us: number;
  evalPerSec: number;
  evalP50Us: number;
  evalP99Us: number;
  baselineP50Us: number;
  baselineP99Us: number;
  floorP50Us: number;
  floorP99Us: number;
  /** Ratio of median latencies: steadier than throughput on a shared machine. */
  vsBaselineP50: number;
  vsBaseline: number;
  vsFloor: number;
  /** Ratio of median latencies against the floor: steadier than throughput on a loaded machine. */
  vsFloorP50: number;
  evalVsBaseline: number;
  candidatesAvg: number;
  alwaysCandidates: number;
  agreesWithEngine: boolean;
  rssMb?: number;
  heapMb?: number;
  loadMs?: number;
}

/** The figures of one rule set on `inputs` (the fixed bench pastes by default). */
export async function measureSet(
  rules: Rule[],
  budgetMs: number,
  inputs: readonly BenchInput[] = BENCH_INPUTS,
): Promise<SetFigures> {
  const rs = createRuleSet(rules);
  const n = inputs.length;
  const facts: Facts[] = [];
  for (const input of inputs) facts.push((await diagnose(input.text, { rules: rs, echo: true })).facts as Facts);
  const engine = buildEngine(rules);
  const byId = new Map(rules.map((r) => [r.id, r]));
  let agrees = true;
  for (const f of facts) agrees &&= matchKey(await rs.evaluate(f)) === matchKey(await runEngine(engine, byId, f));

  const leaves = regexLeaves(rules);
  const { ours, evalOnly, baseline, floor } = await measureInterleaved({
    ours: { fn: (i) => diagnose((inputs[i % n] as BenchInput).text, { rules: rs }), budgetMs },
    evalOnly: { fn: (i) => rs.evaluate(facts[i % n] as Facts), budgetMs: budgetMs / 2 },
    baseline: { fn: (i) => runEngine(engine, byId, facts[i % n] as Facts), budgetMs, minRuns: 12 },
    floor: { fn: (i) => floorRun(leaves, facts[i % n] as Facts), budgetMs: budgetMs / 2, minRuns: 12 },
  });
  const ratio = (a: number, b: number) => Math.round((10 * a) / Math.max(1, b)) / 10;
  return {
    rules: rules.length,
    perSec: ours.perSec,
    baselinePerSec: baseline.perSec,
    floorPerSec: floor.perSec,
    p50Us: ours.p50Us,
    p99Us: ours.p99Us,
    evalPerSec: evalOnly.perSec,
    evalP50Us: evalOnly.p50Us,
    evalP99Us: evalOnly.p99Us,
    baselineP50Us: baseline.p50Us,
    baselineP99Us: baseline.p99Us,
    floorP50Us: floor.p50Us,
    floorP99Us: floor.p99Us,
    vsBaselineP50: ratio(baseline.p50Us, ours.p50Us),
    vsBaseline: ratio(ours.perSec, baseline.perSec),
    vsFloor: ratio(ours.perSec, floor.perSec),
    vsFloorP50: Math.round((100 * floor.p50Us) / Math.max(1, ours.p50Us)) / 100,
    evalVsBaseline: ratio(evalOnly.perSec, baseline.perSec),
    candidatesAvg: Math.round((10 * facts.reduce((s, f) => s + rs.candidates(f).length, 0)) / n) / 10,
    alwaysCandidates: rs.indexStats.always,
    agreesWithEngine: agrees,
  };
}
