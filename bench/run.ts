// `npm run bench [-- --json]`: diagnosis throughput and latency with the shipped rules and with synthetic 200-
// and 1,000-rule knowledge bases, beside the plain json-rules-engine baseline and the regex floor, all on the
// same fixed pastes and the same facts; the shipped rules again on the real corpus pastes (bench/corpus.ts);
// per-stage times (bench/stages.ts); load time and memory with 1,000 rules (in a clean child process); CLI
// start-to-answer beside bare `node`; the HTTP figure from bench/http.ts. With --json the last line is one JSON
// object. Timings come from wall clocks on a possibly shared machine: the load average is printed alongside.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnose } from '../src/diagnose/diagnose.js';
import { createRuleSet, loadRules } from '../src/engine/rule-set.js';
import { serializeResultBytes } from '../src/http/serializers.js';
import { toJsonResult } from '../src/render/json.js';
import type { DiagnoseResult } from '../src/types.js';
import { loadCorpusPastes } from './corpus.js';
import { formatBudget, type HttpFigures, httpBudget, measureHttpInChild } from './http.js';
import { BENCH_INPUTS } from './inputs.js';
import { loadInChild } from './load-child.js';
import { formatStages, measureStages, type StageFigures } from './stages.js';
import { measureStorage } from './storage.js';
import { syntheticRules, writeRuleFolder } from './synthetic.js';
import { measure, measureSet, type SetFigures } from './throughput.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLED = join(ROOT, 'rules');
const _MB = 2 ** 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Median wall time of each command line, run in alternation (so a drift in the machine's speed weighs on all). */
function wallMs(commands: string[][], runs: number): number[] {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.RULES_DIR;
  const times: number[][] = commands.map(() => []);
  for (let i = 0; i <= runs; i++)
    for (const [k, args] of commands.entries()) {
      const t0 = performance.now();
      spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
      if (i > 0) times[k]?.push(performance.now() - t0); // the first round only warms the file cache
    }
  return times.map((t) => Math.round(median(t) * 10) / 10);
}

function httpFigures(): { value: HttpFigures | null; note?: string } {
  try {
    return { value: measureHttpInChild() };
  } catch (err) {
    return { value: null, note: `the HTTP bench failed: ${(err as Error).message}` };
  }
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

function table(sets: Record<string, SetFigures>): string {
  const head = `${'rules'.padEnd(10)}${pad('n', 6)}${pad('diag/s', 9)}${pad('p50µs', 8)}${pad('p99µs', 8)}${pad('eval/s', 9)}${pad('engine/s', 10)}${pad('floor/s', 9)}${pad('×engine', 9)}${pad('×eng p50', 10)}${pad('×floor', 8)}${pad('×flr p50', 10)}${pad('cand', 6)}`;
  const rows = Object.entries(sets).map(
    ([name, s]) =>
      `${name.padEnd(10)}${pad(s.rules, 6)}${pad(s.perSec, 9)}${pad(s.p50Us, 8)}${pad(s.p99Us, 8)}${pad(s.evalPerSec, 9)}${pad(s.baselinePerSec, 10)}${pad(s.floorPerSec, 9)}${pad(s.vsBaseline, 9)}${pad(s.vsBaselineP50, 10)}${pad(s.vsFloor, 8)}${pad(s.vsFloorP50, 10)}${pad(s.candidatesAvg, 6)}`,
  );
  return [head, ...rows].join('\n');
}

async function main(json: boolean): Promise<void> {
  const say = (s: string) => process.stdout.write(`${s}\n`);
  const started = performance.now();
  const shippedRules = [...loadRules([BUNDLED]).rules];
  const budget = Number(process.env.BENCH_BUDGET_MS ?? 1500);
  const corpus = loadCorpusPastes(ROOT);
  const avgChars = Math.round(corpus.inputs.reduce((n, p) => n + p.text.length, 0) / corpus.inputs.length);
  say(
    `bench: ${BENCH_INPUTS.length} fixed pastes and ${corpus.inputs.length} corpus pastes from ${corpus.source} (average ${avgChars} characters), ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)}`,
  );
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
    corpus: await measureSet(shippedRules, budget, corpus.inputs),
  };
  const staged = loadRules([BUNDLED]);
  // The HTTP answer's own serializer, compiled from its response schema, to the bytes the route sends.
  const serialise = (r: DiagnoseResult) => serializeResultBytes(toJsonResult(r));
  const stages: Record<string, StageFigures> = {
    'shipped, fixed': measureStages(staged, BENCH_INPUTS, serialise, budget),
    'shipped, corpus': measureStages(staged, corpus.inputs, serialise, budget),
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
  const [cliMs = 0, nodeFloorMs = 1] = wallMs(
    [
      ['bin/bailian-doctor.js', 'diagnose', paste],
      ['-e', ''],
    ],
    9,
  );
  const cli = { ms: cliMs, nodeFloorMs, ratio: Math.round((100 * cliMs) / nodeFloorMs) / 100 };

  const http = httpFigures();
  const storage = await measureStorage();

  say('');
  say(table(sets));
  say('');
  say(formatStages(stages));
  say('');
  say('stage µs: median/p99 of each stage of diagnose() run one by one (bound: clean and coarse cut; redact: secrets,');
  say('final cut, given facts; extract: facts; select: candidate index; evaluate: compiled conditions; rank; render:');
  say('the answer object; serialise: the HTTP JSON body). corpus: the shipped rules on the corpus pastes.');
  say('diag/s: diagnose() end to end (redact, extract facts, select, evaluate, rank); eval/s: evaluation alone on');
  say('the same facts; engine/s: a plain json-rules-engine Engine holding the same rules on the same facts (the');
  say('baseline); floor/s: one loop testing every rule regex; ×engine: diag/s over engine/s; ×eng p50: the');
  say("engine's median latency over ours; ×flr p50: the floor's median latency over ours; cand: rules evaluated per");
  say('paste on average. On a loaded machine the median ratios are the steadier figures (throughput counts every');
  say('moment the process was not scheduled).');
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
  say(`CLI diagnose: ${cli.ms} ms (median of 9, alternating) vs bare node ${cli.nodeFloorMs} ms — ${cli.ratio}x`);
  const httpRatio = http.value ? Math.round((100 * http.value.rps) / Math.max(1, http.value.floorRps)) / 100 : 0;
  const ceilingRatio = http.value
    ? Math.round((100 * http.value.ceilingRps) / Math.max(1, http.value.floorRps)) / 100
    : 0;
  if (http.value) {
    say(
      `HTTP POST /v1/diagnose: ${http.value.rps} req/s, p99 ${http.value.p99Ms} ms; /healthz floor ${http.value.floorRps} req/s — ${httpRatio} of the floor; the same POST answered with its answer computed beforehand (the ceiling: no diagnosis at all) ${http.value.ceilingRps} req/s — ${ceilingRatio} of the floor`,
    );
    say(formatBudget(http.value));
  } else say(`HTTP: not measured — ${http.note}`);
  say(
    `storage (SQLite, WAL, synchronous=NORMAL): ${storage.matchedPerSec} answers/s kept, ${storage.missesPerSec} misses/s kept and clustered (${storage.clusters} clusters); gaps ${storage.gapsMs} ms, stats ${storage.statsMs} ms over 4,000 answers`,
  );
  const onCorpus = sets.corpus as SetFigures;
  const targets = {
    shippedVsBaseline20x: shipped.vsBaseline >= 20,
    rules1000VsBaseline200x: r1000.vsBaseline >= 200,
    rules1000FasterThanFloor: r1000.perSec > r1000.floorPerSec,
    rules1000AtLeastThirdOfShipped: r1000.perSec * 3 >= shipped.perSec,
    rss1000Under150Mb: (r1000.rssMb ?? Number.POSITIVE_INFINITY) <= 150,
    cliWithin2_5xNode: cli.ratio <= 2.5,
    httpHalfOfFloor: httpRatio >= 0.5,
    corpusAtLeastFloor: onCorpus.perSec >= onCorpus.floorPerSec,
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
      stages,
      corpusSource: corpus.source,
      http: http.value ? { ...http.value, ratio: httpRatio, ceilingRatio, ...httpBudget(http.value) } : null,
      storage,
      ...(http.note ? { httpNote: http.note } : {}),
      targets,
      machine: { cpus: cpus().length, loadavg1m: Math.round((loadavg()[0] ?? 0) * 10) / 10, node: process.version },
    };
    say(JSON.stringify(out));
  }
}

await main(process.argv.slice(2).includes('--json'));
