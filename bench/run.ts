// `npm run bench [-- --json]`: diagnosis throughput and latency with the shipped rules and with synthetic 200-
// and 1,000-rule knowledge bases, beside the plain json-rules-engine baseline and the regex floor, all on the
// same fixed pastes and the same facts; load time and memory with 1,000 rules (in a clean child process); CLI
// start-to-answer beside bare `node`; the HTTP figure from bench/http.ts. With --json the last line is one JSON
// object. Timings come from wall clocks on a possibly shared machine: the load average is printed alongside.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diagnose } from '../src/diagnose.js';
import { buildEngine, type RuleMatch, runEngine } from '../src/engine/json-engine.js';
import { createRuleSet, loadRules } from '../src/engine/rule-set.js';
import { compiledRegex } from '../src/knowledge/operators.js';
import type { Condition, Rule } from '../src/knowledge/rule.js';
import type { Facts } from '../src/types.js';
import { BENCH_INPUTS } from './inputs.js';
import { syntheticRules, writeRuleFolder } from './synthetic.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLED = join(ROOT, 'rules');
const MB = 2 ** 20;

interface Timing {
  perSec: number;
  p50Us: number;
  p99Us: number;
  runs: number;
}

/** Call `fn` repeatedly for `budgetMs` (at least `minRuns` times) after a short warm-up; per-call latencies. */
async function measure(fn: (i: number) => unknown, budgetMs: number, minRuns = 20): Promise<Timing> {
  const warmEnd = performance.now() + budgetMs / 5;
  for (let i = 0; performance.now() < warmEnd || i < 3; i++) await fn(i);
  const lat: number[] = [];
  const start = performance.now();
  for (let i = 0; performance.now() - start < budgetMs || lat.length < minRuns; i++) {
    const t0 = performance.now();
    await fn(i);
    lat.push(performance.now() - t0);
  }
  const total = performance.now() - start;
  lat.sort((a, b) => a - b);
  const pct = (p: number) => Math.round((lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] as number) * 1000);
  return { perSec: Math.round((lat.length * 1000) / total), p50Us: pct(0.5), p99Us: pct(0.99), runs: lat.length };
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
    const v = facts[fact];
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

interface SetFigures {
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
  evalVsBaseline: number;
  candidatesAvg: number;
  alwaysCandidates: number;
  agreesWithEngine: boolean;
  rssMb?: number;
  heapMb?: number;
  loadMs?: number;
}

async function measureSet(rules: Rule[], budgetMs: number): Promise<SetFigures> {
  const rs = createRuleSet(rules);
  const n = BENCH_INPUTS.length;
  const facts: Facts[] = [];
  for (const input of BENCH_INPUTS) facts.push((await diagnose(input.text, { rules: rs })).facts);
  const engine = buildEngine(rules);
  const byId = new Map(rules.map((r) => [r.id, r]));
  let agrees = true;
  for (const f of facts) agrees &&= matchKey(await rs.evaluate(f)) === matchKey(await runEngine(engine, byId, f));

  const ours = await measure((i) => diagnose((BENCH_INPUTS[i % n] as { text: string }).text, { rules: rs }), budgetMs);
  const evalOnly = await measure((i) => rs.evaluate(facts[i % n] as Facts), budgetMs / 2);
  const baseline = await measure((i) => runEngine(engine, byId, facts[i % n] as Facts), budgetMs, 12);
  const leaves = regexLeaves(rules);
  const floor = await measure((i) => floorRun(leaves, facts[i % n] as Facts), budgetMs / 2, 12);
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
    evalVsBaseline: ratio(evalOnly.perSec, baseline.perSec),
    candidatesAvg: Math.round((10 * facts.reduce((s, f) => s + rs.candidates(f).length, 0)) / n) / 10,
    alwaysCandidates: rs.indexStats.always,
    agreesWithEngine: agrees,
  };
}

/**
 * Child mode: load a rule folder in a fresh process and report load time and memory. With `--no-recheck` the
 * regex-safety checker runs its structural check only and touches no verdict cache: synthetic patterns are new
 * to it, and a cold recheck costs seconds per pattern (verdicts are cached on disk, so real rules pay it once).
 */
async function childLoad(dir: string, recheck: boolean, cacheDir: string | null): Promise<void> {
  if (!recheck) {
    const safety = (await import('../src/knowledge/regex-safety.js')) as Record<string, unknown>;
    const configure = safety.configureRegexSafety as ((o: { recheck: boolean; cacheFile: null }) => void) | undefined;
    configure?.({ recheck: false, cacheFile: null });
  }
  const t0 = performance.now();
  const rs = loadRules([dir], { cacheDir });
  const loadMs = performance.now() - t0;
  for (const input of BENCH_INPUTS) await diagnose(input.text, { rules: rs });
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  process.stdout.write(JSON.stringify({ rules: rs.rules.length, loadMs, rssMb: m.rss / MB, heapMb: m.heapUsed / MB }));
}

interface ChildFigures {
  rules: number;
  loadMs: number;
  rssMb: number;
  heapMb: number;
}

/** Load `dir` in a fresh process; `cacheDir` null loads every file afresh (no rule cache read or written). */
function loadInChild(dir: string, recheck: boolean, cacheDir: string | null): ChildFigures {
  const self = fileURLToPath(import.meta.url);
  const args = ['--expose-gc', self, '--child-load', dir, ...(recheck ? [] : ['--no-recheck'])];
  if (cacheDir) args.push('--cache-dir', cacheDir);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`loading ${dir} in a child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function wallMs(args: string[], runs: number): number {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.RULES_DIR;
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
    if (i > 0) times.push(performance.now() - t0); // the first run only warms the file cache
  }
  return Math.round(median(times) * 10) / 10;
}

async function httpFigures(): Promise<{ value: Record<string, number> | null; note?: string }> {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'http.js');
  if (!existsSync(file)) return { value: null, note: 'bench/http.ts is not there yet' };
  try {
    const mod = (await import(pathToFileURL(file).href)) as { measureHttp?: () => Promise<Record<string, number>> };
    if (typeof mod.measureHttp !== 'function') return { value: null, note: 'bench/http.ts exports no measureHttp()' };
    return { value: await mod.measureHttp() };
  } catch (err) {
    return { value: null, note: `measureHttp() failed: ${(err as Error).message}` };
  }
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

function table(sets: Record<string, SetFigures>): string {
  const head = `${'rules'.padEnd(10)}${pad('n', 6)}${pad('diag/s', 9)}${pad('p50µs', 8)}${pad('p99µs', 8)}${pad('eval/s', 9)}${pad('engine/s', 10)}${pad('floor/s', 9)}${pad('×engine', 9)}${pad('×eng p50', 10)}${pad('×floor', 8)}${pad('cand', 6)}`;
  const rows = Object.entries(sets).map(
    ([name, s]) =>
      `${name.padEnd(10)}${pad(s.rules, 6)}${pad(s.perSec, 9)}${pad(s.p50Us, 8)}${pad(s.p99Us, 8)}${pad(s.evalPerSec, 9)}${pad(s.baselinePerSec, 10)}${pad(s.floorPerSec, 9)}${pad(s.vsBaseline, 9)}${pad(s.vsBaselineP50, 10)}${pad(s.vsFloor, 8)}${pad(s.candidatesAvg, 6)}`,
  );
  return [head, ...rows].join('\n');
}

async function main(json: boolean): Promise<void> {
  const say = (s: string) => process.stdout.write(`${s}\n`);
  const started = performance.now();
  const shippedRules = [...loadRules([BUNDLED]).rules];
  const budget = Number(process.env.BENCH_BUDGET_MS ?? 1500);
  say(`bench: ${BENCH_INPUTS.length} pastes, ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)}`);
  // Warm the JIT on the shared pipeline first, so the first rule set measured is not penalised for it.
  const warm = createRuleSet(shippedRules);
  await measure(
    (i) => diagnose((BENCH_INPUTS[i % BENCH_INPUTS.length] as { text: string }).text, { rules: warm }),
    budget,
  );

  const sets: Record<string, SetFigures> = {
    shipped: await measureSet(shippedRules, budget),
    rules200: await measureSet(syntheticRules(shippedRules, 200), budget),
    rules1000: await measureSet(syntheticRules(shippedRules, 1000), budget),
  };

  const dir = mkdtempSync(join(tmpdir(), 'bailian-bench-'));
  try {
    const rulesDir = join(dir, 'rules');
    const cacheDir = join(dir, 'cache');
    writeRuleFolder(syntheticRules(shippedRules, 1000), rulesDir);
    const cold = loadInChild(rulesDir, false, null);
    loadInChild(rulesDir, false, cacheDir); // fills the rule cache
    const warm = loadInChild(rulesDir, false, cacheDir);
    Object.assign(sets.rules1000 as SetFigures, {
      rssMb: Math.round(cold.rssMb),
      heapMb: Math.round(cold.heapMb),
      loadMs: Math.round(cold.loadMs),
      cachedLoadMs: Math.round(warm.loadMs),
      cachedRssMb: Math.round(warm.rssMb),
    });
    const shipped = loadInChild(BUNDLED, true, null);
    Object.assign(sets.shipped as SetFigures, { rssMb: Math.round(shipped.rssMb), loadMs: Math.round(shipped.loadMs) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const paste = (BENCH_INPUTS[0] as { text: string }).text;
  const cliMs = wallMs(['bin/bailian-doctor.js', 'diagnose', paste], 7);
  const nodeFloorMs = wallMs(['-e', ''], 7);
  const cli = { ms: cliMs, nodeFloorMs, ratio: Math.round((100 * cliMs) / nodeFloorMs) / 100 };

  const http = await httpFigures();

  say('');
  say(table(sets));
  say('');
  say('diag/s: diagnose() end to end (redact, extract facts, select, evaluate, rank); eval/s: evaluation alone on');
  say('the same facts; engine/s: a plain json-rules-engine Engine holding the same rules on the same facts (the');
  say('baseline); floor/s: one loop testing every rule regex; ×engine: diag/s over engine/s; ×eng p50: the');
  say("engine's median latency over ours; cand: rules evaluated per paste on average.");
  for (const [name, s] of Object.entries(sets))
    if (!s.agreesWithEngine) say(`WARNING: ${name} disagrees with the engine`);
  const r1000 = sets.rules1000 as SetFigures;
  const shipped = sets.shipped as SetFigures;
  const cached = r1000 as SetFigures & { cachedLoadMs?: number };
  say(
    `1,000 rules: load ${r1000.loadMs} ms, RSS ${r1000.rssMb} MB, heap ${r1000.heapMb} MB (fresh process, every file parsed and validated, regex recheck off); from the rule cache ${cached.cachedLoadMs} ms`,
  );
  say(
    `shipped rules: load ${shipped.loadMs} ms, RSS ${shipped.rssMb} MB (fresh process, every file parsed, cached regex verdicts)`,
  );
  say(`CLI diagnose: ${cli.ms} ms (median of 7) vs bare node ${cli.nodeFloorMs} ms — ${cli.ratio}x`);
  if (http.value)
    say(
      `HTTP POST /v1/diagnose: ${http.value.rps} req/s, p99 ${http.value.p99Ms} ms; /healthz floor ${http.value.floorRps} req/s`,
    );
  else say(`HTTP: not measured — ${http.note}`);
  const targets = {
    shippedVsBaseline20x: shipped.vsBaseline >= 20,
    rules1000VsBaseline200x: r1000.vsBaseline >= 200,
    rules1000FasterThanFloor: r1000.perSec > r1000.floorPerSec,
    rules1000AtLeastThirdOfShipped: r1000.perSec * 3 >= shipped.perSec,
    rss1000Under150Mb: (r1000.rssMb ?? Number.POSITIVE_INFINITY) <= 150,
    cliWithin2_5xNode: cli.ratio <= 2.5,
  };
  say(
    `targets: ${Object.entries(targets)
      .map(([k, v]) => `${k} ${v ? 'met' : 'MISSED'}`)
      .join(', ')}`,
  );
  say(`bench took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (json) {
    const out = {
      ...sets,
      cli,
      http: http.value,
      ...(http.note ? { httpNote: http.note } : {}),
      targets,
      machine: { cpus: cpus().length, loadavg1m: Math.round((loadavg()[0] ?? 0) * 10) / 10, node: process.version },
    };
    say(JSON.stringify(out));
  }
}

const argv = process.argv.slice(2);
const cacheArg = argv.indexOf('--cache-dir');
if (argv[0] === '--child-load' && argv[1])
  await childLoad(argv[1], !argv.includes('--no-recheck'), cacheArg > 0 ? (argv[cacheArg + 1] ?? null) : null);
else await main(argv.includes('--json'));
