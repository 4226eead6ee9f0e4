// The real `npm start` entry (node dist/src/main.js) as a child process: start-up config errors, SIGHUP
// reload, and SIGTERM during an in-flight request (stop accepting, finish the request, exit 0).

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInFlightRequest } from './in-flight-request.js';
import { INVALID_KEY_TEXT, readJson } from './server-harness.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

let work: string;
let rulesDir: string;

beforeAll(() => {
  // `npm test` compiles first; build here only when someone runs this file on a fresh clone.
  if (!existsSync(MAIN)) execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.json')]);
  work = mkdtempSync(join(tmpdir(), 'bd-main-'));
  rulesDir = join(work, 'extra-rules');
  mkdirSync(rulesDir);
}, 120_000);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  url: string;
  port: number;
  stderr: string[];
  exited: Promise<number | null>;
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  // Only what the server needs: no bot tokens from the developer's shell, nothing that reaches the network.
  return { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', RULES_DIR: rulesDir, LOG_LEVEL: 'info', ...extra };
}

async function startMain(extra: Record<string, string> = {}): Promise<Running> {
  // cwd is a temp folder so no developer .env is picked up.
  const child = spawn(process.execPath, [MAIN], { cwd: work, env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const exited = once(child, 'close').then(([code]) => code as number | null);
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const record = JSON.parse(line) as { msg?: string; url?: string };
      if (record.msg === 'HTTP API ready' && record.url) resolve(record.url);
    });
    void exited.then((code) => reject(new Error(`main.js exited with ${code}: ${stderr.join('')}`)));
  });
  return { child, url, port: Number(new URL(url).port), stderr, exited };
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  // Generous: a reload re-validates every rule, and CI machines are slow.
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('node dist/src/main.js', { timeout: 60_000 }, () => {
  it('refuses a bad PORT with a message naming it, exit 1', async () => {
    const child = spawn(process.execPath, [MAIN], { cwd: work, env: env({ PORT: 'eighty' }) });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const [code] = await once(child, 'close');
    expect(code).toBe(1);
    // One JSON line on stderr, like every log line: the message names the variable and the value.
    const line = JSON.parse(stderr.trim().split('\n').at(-1)!);
    expect(line).toMatchObject({ level: 60, surface: 'main', code: 'CONFIG_INVALID' });
    expect(line.msg).toMatch(/PORT must be a whole number.*"eighty"/);
  });

  it('reloads rules on SIGHUP: a broken file is reported and the old rules stay; fixing it clears the error', async () => {
    const app = await startMain();
    try {
      const readyz = async () => readJson(await fetch(`${app.url}/readyz`));
      const broken = join(rulesDir, 'other', 'broken.yaml');
      mkdirSync(dirname(broken), { recursive: true });
      writeFileSync(broken, 'id: [unclosed\n');
      app.child.kill('SIGHUP');
      const failed = await until(async () => ((await readyz()).lastReload ? readyz() : undefined), 'a failed reload');
      expect(failed.status).toBe('ready');
      expect(failed.lastReload.ok).toBe(false);
      expect(failed.lastReload.error).toContain('broken.yaml');
      const res = await fetch(`${app.url}/v1/diagnose`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: INVALID_KEY_TEXT }),
      });
      expect((await readJson(res)).diagnoses[0].id).toBe('auth.invalid-api-key');

      rmSync(broken);
      app.child.kill('SIGHUP');
      const fixed = await until(async () => {
        const r = await readyz();
        return r.lastReload?.ok ? r : undefined;
      }, 'a good reload');
      expect(fixed.lastReload.error).toBeNull();
    } finally {
      app.child.kill('SIGKILL');
      await app.exited;
    }
  });

  it('on SIGTERM stops accepting, finishes the in-flight request and exits 0', async () => {
    const app = await startMain();
    const body = JSON.stringify({ text: INVALID_KEY_TEXT });
    let socket: net.Socket | undefined;
    try {
      const inFlight = await openInFlightRequest(app.port, body);
      socket = inFlight.socket;
      const response = inFlight.response;

      app.child.kill('SIGTERM');
      await until(async () => (app.stderr.join('').includes('SIGTERM') ? true : undefined), 'the shutdown notice');
      // New connections are refused while the in-flight request is still open.
      await until(
        () =>
          new Promise<true | undefined>((resolve) => {
            const probe = net.connect(app.port, '127.0.0.1');
            probe.on('connect', () => {
              probe.destroy();
              resolve(undefined);
            });
            probe.on('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED' ? true : undefined));
          }),
        'new connections to be refused',
      );

      socket.end(body);
      await once(socket, 'close');
      const [head, ...rest] = response().split('\r\n\r\n').slice(1);
      expect(head).toMatch(/^HTTP\/1\.1 200/);
      expect(JSON.parse(rest.join('\r\n\r\n')).diagnoses[0].id).toBe('auth.invalid-api-key');
      expect(await app.exited).toBe(0);
    } finally {
      // On a failed assertion, leave nothing running behind the test.
      socket?.destroy();
      if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
    }
  });
});
