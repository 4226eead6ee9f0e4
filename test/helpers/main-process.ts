// The real `npm start` entry (node dist/src/main.js) as a child process on 127.0.0.1:<free port>, built first when
// a fresh clone runs one test file alone. Only the variables given (and PATH) reach it: nothing from the shell.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

export function buildMainOnce(): void {
  if (!existsSync(MAIN)) execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.json')]);
}

export interface MainProcess {
  child: ChildProcess;
  url: string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export async function startMain(cwd: string, extra: Record<string, string> = {}): Promise<MainProcess> {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', RULES_DIR: '', ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const closed = once(child, 'close');
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const r = JSON.parse(line) as { msg?: string; url?: string };
      if (r.msg === 'HTTP API ready' && r.url) resolve(r.url);
    });
    void closed.then(([code]) => reject(new Error(`main.js exited with ${code}: ${stderr.join('')}`)));
  });
  return {
    child,
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await closed;
    },
  };
}

/** POST JSON and parse the answer. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
