// Runs mutants (mutants.ts) in a scratch copy of the repository: apply one, run its tests, restore it. A mutant
// the tests do not fail on "survives", and the check fails. The working tree is never touched.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mutant } from './mutants.js';

export interface MutantOutcome {
  name: string;
  killed: boolean;
  ms: number;
  /** Why a mutant could not even be applied (its text is gone: the check is stale). */
  stale?: string;
}

const COPIED = ['src', 'test', 'rules', 'bin', 'package.json', 'tsconfig.json', 'vitest.config.ts'];

export function runMutants(root: string, mutants: Mutant[], log: (line: string) => void = () => {}): MutantOutcome[] {
  const scratch = mkdtempSync(join(tmpdir(), 'bd-mutation-'));
  try {
    for (const entry of COPIED) cpSync(join(root, entry), join(scratch, entry), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir');
    const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
    const outcomes: MutantOutcome[] = [];
    for (const m of mutants) {
      const file = join(scratch, m.file);
      const original = readFileSync(file, 'utf8');
      const count = original.split(m.find).length - 1;
      if (count !== 1) {
        outcomes.push({ name: m.name, killed: false, ms: 0, stale: `text found ${count} times in ${m.file}` });
        log(`STALE    ${m.name}: text found ${count} times in ${m.file}`);
        continue;
      }
      writeFileSync(
        file,
        original.replace(m.find, () => m.replace),
      );
      const started = Date.now();
      const run = spawnSync(process.execPath, [vitest, 'run', '--bail', '1', ...m.tests], {
        cwd: scratch,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 600_000,
      });
      writeFileSync(file, original);
      const outcome = { name: m.name, killed: run.status !== 0, ms: Date.now() - started };
      outcomes.push(outcome);
      log(`${outcome.killed ? 'killed ' : 'SURVIVED'} ${m.name} (${Math.round(outcome.ms / 1000)} s)`);
    }
    return outcomes;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
