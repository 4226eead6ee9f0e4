// A planted key of every kind the redactor knows, pushed through everything the learning loop keeps — answers,
// misses and their clusters, samples, drafts, feedback, threads — is in no database file and no query result or
// report, on both backends. Each secret sits in a paste no rule matches (so its text is kept) and in one that
// matches (so only the answer is kept).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose, type LearningLoop, openLearningLoop } from '../../src/index.js';
import { redact } from '../../src/text/redact.js';
import { PATTERNS } from '../../src/text/secret-patterns.js';
import { knownShapes, type Shape } from '../adversarial/escaped-secrets.js';
import { BACKENDS, type Backend } from '../helpers/storage-backends.js';

const webhook = `https://hooks.slack.com/services/T0${'1234567'}/B0${'7654321'}/${'q7W2e9R4t6Y1u3I5o8P0a2S4'}`;
const SHAPES: Shape[] = [
  ...knownShapes(3),
  { kind: 'slack-webhook', value: 'q7W2e9R4t6Y1u3I5o8P0a2S4', line: `posting to ${webhook}` },
];
const TABLES = ['answers', 'pastes', 'clusters', 'feedback', 'threads', 'digests', 'schema_version'];

it('the planted set covers every kind the redactor knows', () => {
  const found = new Set(SHAPES.flatMap((s) => redact(s.line).findings.map((f) => f.kind)));
  expect([...new Set(PATTERNS.map((p) => p.kind))].filter((k) => !found.has(k))).toEqual([]);
});

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`no planted secret is stored on ${backend.name}`, () => {
    let place: Awaited<ReturnType<Backend['create']>>;
    let loop: LearningLoop;
    const reports: string[] = [];
    beforeAll(async () => {
      place = await backend.create();
      const env = { DATA_DIR: place.dataDir, DATABASE_URL: place.databaseUrl ?? '' };
      loop = await openLearningLoop(env, { sweepTimer: false });
      for (const [i, s] of SHAPES.entries()) {
        // A miss of one family (clustered, sampled, drafted), and a matched answer.
        const miss = `GatewayMeltdown: tenant ${i} rejected\n${s.line}\nwhile calling model qwen-plus`;
        const missId = await loop.record(await diagnose(miss), { surface: 'slack', text: miss });
        const hit = `Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.\n${s.line}`;
        const hitId = await loop.record(await diagnose(hit), { surface: 'http', text: hit });
        await loop.feedback({ answerId: hitId, verdict: 'fixed', surface: 'discord', voter: `discord:${s.line}` });
        await loop.feedback({ answerId: missId, verdict: 'not_it', surface: 'slack', voter: s.value });
        await loop.threads.save({
          key: `slack:T1:C1:${i}`,
          surface: 'slack',
          facts: { model: `qwen-plus ${s.line}`, status: 401 },
          answerIds: [missId, hitId],
          status: 'open',
          updatedAt: Date.now(),
        });
      }
      const gaps = await loop.gaps();
      reports.push(JSON.stringify(gaps), JSON.stringify(await loop.stats()));
      for (const g of gaps) reports.push((await loop.draft(g.clusterId))!.yaml);
    });
    afterAll(async () => {
      await loop?.close();
      await place?.cleanup();
    });

    it('kept what it should (the misses are one gap with samples)', async () => {
      const gaps = await loop.gaps();
      expect(gaps.reduce((n, g) => n + g.count, 0)).toBe(SHAPES.length);
      expect(gaps[0]!.samples.length).toBeGreaterThan(0);
      expect((await loop.stats()).answered).toBe(2 * SHAPES.length);
    });

    it('no report holds a planted secret', () => {
      const all = reports.join('\n');
      expect(SHAPES.filter((s) => all.includes(s.value)).map((s) => s.kind)).toEqual([]);
    });

    it('no row of any table holds a planted secret', async () => {
      const rows = JSON.stringify(await dumpTables(place));
      expect(rows.length).toBeGreaterThan(1000);
      expect(SHAPES.filter((s) => rows.includes(s.value)).map((s) => s.kind)).toEqual([]);
    });

    it.skipIf(backend.name !== 'sqlite')('no byte of the database files holds a planted secret', async () => {
      await loop.close(); // checkpoint the WAL into the file, so both are complete
      loop = await openLearningLoop({ DATA_DIR: place.dataDir }, { sweepTimer: false });
      const files = readdirSync(place.dataDir);
      expect(files).toContain('bailian-doctor.sqlite');
      const bytes = files.map((f) => readFileSync(join(place.dataDir, f)).toString('latin1')).join('\n');
      expect(SHAPES.filter((s) => bytes.includes(s.value)).map((s) => s.kind)).toEqual([]);
    });
  });
}

async function dumpTables(place: { dataDir: string; databaseUrl?: string }): Promise<unknown[]> {
  if (place.databaseUrl) {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: place.databaseUrl });
    await c.connect();
    try {
      const out = [];
      for (const t of TABLES) out.push(...(await c.query(`select * from ${t}`)).rows);
      return out;
    } finally {
      await c.end();
    }
  }
  const SQLite = (await import('better-sqlite3')).default;
  const db = new SQLite(join(place.dataDir, 'bailian-doctor.sqlite'), { readonly: true });
  try {
    return TABLES.flatMap((t) => db.prepare(`select * from ${t}`).all());
  } finally {
    db.close();
  }
}
