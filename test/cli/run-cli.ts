// Runs the real CLI as a child process (built, and bundled, by `npm test`'s build step).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'bailian-doctor.js');
/** Where the CLI keeps its answers in tests: a folder of this test file's own, never the repository's ./data. */
const DATA_DIR = mkdtempSync(join(tmpdir(), 'bd-cli-data-'));
process.on('exit', () => rmSync(DATA_DIR, { recursive: true, force: true }));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], input?: string | Buffer, env: NodeJS.ProcessEnv = {}, cwd?: string): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', RULES_DIR: '', DATA_DIR, DATABASE_URL: '', ...env },
    timeout: 20_000,
    cwd,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
