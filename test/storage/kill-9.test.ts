// `kill -9` of the real server (node dist/src/main.js) in the middle of a stream of writes loses no acknowledged
// write: every answer whose id a client got back, with its miss, and every verdict answered 200, is in the
// database afterwards, and the database opens cleanly. On both backends.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLearningLoop } from '../../src/index.js';
import { BACKENDS } from '../helpers/storage-backends.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const INVALID_KEY = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';

beforeAll(() => {
  if (!existsSync(MAIN)) execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.json')]);
}, 120_000);

async function startMain(cwd: string, extra: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', RULES_DIR: '', ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const record = JSON.parse(line) as { msg?: string; url?: string };
      if (record.msg === 'HTTP API ready' && record.url) resolve(record.url);
    });
    child.once('close', (code) => reject(new Error(`main.js exited with ${code}: ${stderr.join('')}`)));
  });
  return { child, url };
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`kill -9 on ${backend.name}`, () => {
    it('loses no acknowledged answer, miss or verdict', async () => {
      const place = await backend.create();
      const cwd = mkdtempSync(join(tmpdir(), 'bd-kill-'));
      const env = { DATA_DIR: place.dataDir, DATABASE_URL: place.databaseUrl ?? '' };
      try {
        const { child, url } = await startMain(cwd, env);
        const exited = once(child, 'close');
        const answers: string[] = [];
        const misses: string[] = [];
        const verdicts: string[] = [];
        let n = 0;
        let killed = false;
        // Four clients write as fast as the server answers; the kill lands while requests are in flight.
        const client = async () => {
          while (!killed) {
            const i = n++;
            const miss = i % 2 === 0;
            const text = miss ? `ReactorCoreError: chamber ${i} overheated at ${1000 + i} kelvin` : INVALID_KEY;
            try {
              const res = await fetch(`${url}/v1/diagnose`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ text }),
              });
              if (res.status !== 200) continue;
              const { answerId } = (await res.json()) as { answerId: string };
              answers.push(answerId);
              if (miss) misses.push(answerId);
              else {
                const fb = await fetch(`${url}/v1/feedback`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify({ answerId, verdict: 'fixed' }),
                });
                if (fb.status === 200) verdicts.push(answerId);
              }
            } catch {
              // The connection died with the server: not acknowledged.
            }
          }
        };
        const clients = [client(), client(), client(), client()];
        while (answers.length < 60) await new Promise((r) => setTimeout(r, 5));
        child.kill('SIGKILL');
        killed = true;
        await exited;
        await Promise.all(clients);
        expect(verdicts.length).toBeGreaterThan(5);

        const loop = await openLearningLoop(env, { sweepTimer: false });
        try {
          for (const id of answers) expect(await loop.answers.load(id), `answer ${id}`).toBeDefined();
          const stats = await loop.stats();
          expect(stats.answered).toBeGreaterThanOrEqual(answers.length);
          const fixed = stats.rules.find((r) => r.ruleId === 'auth.invalid-api-key')?.fixed ?? 0;
          expect(fixed).toBeGreaterThanOrEqual(verdicts.length);
          const gaps = await loop.gaps();
          expect(gaps).toHaveLength(1);
          expect(gaps[0]!.count).toBeGreaterThanOrEqual(misses.length);
        } finally {
          await loop.close();
        }
      } finally {
        rmSync(cwd, { recursive: true, force: true });
        await place.cleanup();
      }
    }, 60_000);
  });
}
