// Two `npm start` processes on one PostgreSQL (DATABASE_URL) are replicas: an answer given by one is the other's
// to act on (feedback, the buttons), and both report the same gaps and stats.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMainOnce, postJson, startMain } from '../helpers/main-process.js';
import { BACKENDS } from '../helpers/storage-backends.js';

const postgres = BACKENDS.find((b) => b.name === 'postgres')!;
const INVALID_KEY = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';

beforeAll(buildMainOnce, 120_000);

describe.skipIf(!postgres.available)('two servers on one PostgreSQL', () => {
  it('see the same answers, gaps and stats', async () => {
    const place = await postgres.create();
    const cwd = mkdtempSync(join(tmpdir(), 'bd-replicas-'));
    const env = { DATABASE_URL: place.databaseUrl! };
    const [a, b] = await Promise.all([startMain(cwd, env), startMain(cwd, env)]);
    try {
      for (let i = 0; i < 3; i++) {
        await postJson(`${a.url}/v1/diagnose`, { text: `NebulaError: sector ${i} lost ${i * 11} probes` });
        await postJson(`${b.url}/v1/diagnose`, { text: `NebulaError: sector ${i + 5} lost ${i * 3} probes` });
      }
      const answered = await postJson(`${a.url}/v1/diagnose`, { text: INVALID_KEY });
      const verdict = await postJson(`${b.url}/v1/feedback`, { answerId: answered.json.answerId, verdict: 'fixed' });
      expect(verdict).toMatchObject({ status: 200, json: { ruleId: 'auth.invalid-api-key', recorded: true } });
      const [gapsA, gapsB] = await Promise.all([a, b].map(async (s) => (await fetch(`${s.url}/v1/gaps`)).json()));
      expect(gapsA).toEqual(gapsB);
      expect((gapsA as { gaps: { count: number }[] }).gaps.map((g) => g.count)).toEqual([6]);
      const stats = (await (await fetch(`${a.url}/v1/stats`)).json()) as { answered: number; rules: object[] };
      expect(stats.answered).toBe(7);
      expect(stats.rules).toEqual([expect.objectContaining({ ruleId: 'auth.invalid-api-key', shown: 1, fixed: 1 })]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      rmSync(cwd, { recursive: true, force: true });
      await place.cleanup();
    }
  }, 60_000);
});
