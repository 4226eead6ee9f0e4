// `kill -9` of the real server (node dist/src/main.js) in the middle of a stream of writes loses no acknowledged
// write: every answer whose id a client got back, with its miss, and every verdict answered 200, is in the
// database afterwards, and the database opens cleanly. On both backends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLearningLoop } from '../../src/index.js';
import { buildMainOnce, startMain } from '../helpers/main-process.js';
import { BACKENDS } from '../helpers/storage-backends.js';

const INVALID_KEY = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';

beforeAll(buildMainOnce, 120_000);

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`kill -9 on ${backend.name}`, () => {
    it('loses no acknowledged answer, miss or verdict', async () => {
      const place = await backend.create();
      const cwd = mkdtempSync(join(tmpdir(), 'bd-kill-'));
      const env = { DATA_DIR: place.dataDir, DATABASE_URL: place.databaseUrl ?? '' };
      try {
        const main = await startMain(cwd, env);
        const { url } = main;
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
        main.child.kill('SIGKILL');
        killed = true;
        await main.stop();
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
