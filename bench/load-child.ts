// Load time and memory of a rule folder, measured in a fresh child process so nothing else is on the heap.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { diagnose } from '../src/diagnose/diagnose.js';
import { loadRules } from '../src/engine/rule-set.js';
import { BENCH_INPUTS } from './inputs.js';

const MB = 2 ** 20;

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

export interface ChildFigures {
  rules: number;
  loadMs: number;
  rssMb: number;
  heapMb: number;
}

/** Load `dir` in a fresh process; `cacheDir` null loads every file afresh (no rule cache read or written). */
export function loadInChild(dir: string, recheck: boolean, cacheDir: string | null): ChildFigures {
  const self = fileURLToPath(import.meta.url);
  const args = ['--expose-gc', self, dir, ...(recheck ? [] : ['--no-recheck'])];
  if (cacheDir) args.push('--cache-dir', cacheDir);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`loading ${dir} in a child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// Child mode: `node load-child.js <dir> [--no-recheck] [--cache-dir D]`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const cacheArg = argv.indexOf('--cache-dir');
  await childLoad(argv[0]!, !argv.includes('--no-recheck'), cacheArg > 0 ? (argv[cacheArg + 1] ?? null) : null);
}
