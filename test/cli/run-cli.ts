// Runs the real CLI as a child process (built by `npm test`'s tsc step).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'bailian-doctor.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], input?: string | Buffer, env: NodeJS.ProcessEnv = {}, cwd?: string): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', RULES_DIR: '', ...env },
    timeout: 20_000,
    cwd,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
