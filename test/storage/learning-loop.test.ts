// The learning loop on both backends, with the real engine: misses of one family become one gap whose draft
// rule loads, passes `rules lint` and matches its own examples; verdicts land per rule version; stats count
// them; STORE_PASTES=0 keeps templates only; the sweep enforces RETENTION_DAYS; two processes share one database.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkExamples } from '../../src/authoring/check-examples.js';
import { lintRuleFolders } from '../../src/authoring/lint.js';
import { diagnose, type LearningLoop, loadRules, openLearningLoop } from '../../src/index.js';
import { BACKENDS, type Backend } from '../helpers/storage-backends.js';

const DAY = 86_400_000;
/** Six pastes of one error family no bundled rule knows: different workspaces, dates, request ids. */
const FAMILY = [1, 2, 3, 4, 5, 6].map(
  (i) =>
    `Error code: 400 - {"error": {"code": "WorkspaceQuotaFrozen", "message": "Workspace ws-${1000 + i * 37} is ` +
    `frozen until 2026-12-0${i}", "request_id": "${i}a1b2c3d-0000-1111-2222-33334444555${i}"}}`,
);
const OTHER = [
  'FrobnicatorError: upstream shard 7f3a9c12 refused request req-8841 after 3021 ms (attempt 2 of 5)',
  'FrobnicatorError: upstream shard 0b11ee07 refused request req-17 after 91 ms (attempt 4 of 5)',
];
const INVALID_KEY = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`the learning loop on ${backend.name}`, () => {
    const loops: LearningLoop[] = [];
    const places: Awaited<ReturnType<Backend['create']>>[] = [];
    let t = Date.UTC(2026, 11, 1, 12);
    const open = async (env: Record<string, string> = {}, place?: Awaited<ReturnType<Backend['create']>>) => {
      const p = place ?? (await backend.create());
      if (!place) places.push(p);
      const loop = await openLearningLoop(
        { DATA_DIR: p.dataDir, DATABASE_URL: p.databaseUrl ?? '', ...env },
        { now: () => t, sweepTimer: false, ruleVersion: (id) => `v-${id.length}` },
      );
      loops.push(loop);
      return { loop, place: p };
    };
    const ask = async (loop: LearningLoop, text: string, surface: 'http' | 'slack' | 'discord' = 'http') =>
      loop.record(await diagnose(text), { surface, text });
    afterEach(async () => {
      for (const l of loops.splice(0)) await l.close().catch(() => {});
      for (const p of places.splice(0)) await p.cleanup();
    });

    it('clusters six pastes of one family into one gap of count 6, apart from another family', async () => {
      const { loop } = await open();
      for (const [i, text] of FAMILY.entries()) await ask(loop, text, i % 2 ? 'slack' : 'http');
      for (const text of OTHER) await ask(loop, text, 'discord');
      await ask(loop, INVALID_KEY); // matched: no gap
      const gaps = await loop.gaps();
      expect(gaps.map((g) => g.count)).toEqual([6, 2]);
      const [family] = gaps;
      expect(family!.clusterId).toMatch(/^[0-9a-f]{12}$/);
      expect(family!.surfaces).toEqual(['http', 'slack']);
      expect(family!.samples).toHaveLength(3);
      expect(family!.samples[0]).toBe(FAMILY[0]);
      expect(family!.facts).toMatchObject({ status: 400, code: 'WorkspaceQuotaFrozen' });
      expect(family!.template).toContain('"WorkspaceQuotaFrozen",');
      expect(family!.template).not.toMatch(/ws-\d|2026/);
      expect(await loop.clusterCount()).toBe(2);
      // The id is stable: more members do not move it.
      await ask(loop, FAMILY[2]!.replace('ws-1111', 'ws-9'));
      expect((await loop.gaps())[0]).toMatchObject({ clusterId: family!.clusterId, count: 7 });
    });

    it("drafts a rule from a gap that loads, passes rules lint, and matches its own examples (and not the 'not')", async () => {
      const { loop } = await open();
      for (const text of FAMILY) await ask(loop, text);
      const [gap] = await loop.gaps();
      const draft = await loop.draft(gap!.clusterId);
      expect(draft).toBeDefined();
      expect(draft!.yaml).toMatch(/^# Draft from gap [0-9a-f]{12}: 6 miss\(es\)/);
      const dir = mkdtempSync(join(tmpdir(), 'bd-draft-'));
      try {
        mkdirSync(join(dir, 'other'));
        writeFileSync(join(dir, draft!.file), draft!.yaml);
        const set = loadRules([dir], { cacheDir: null });
        expect(set.rules.map((r) => r.id)).toEqual([draft!.id]);
        const rule = set.rules[0]!;
        expect(rule.when).toMatchObject({
          all: expect.arrayContaining([
            { fact: 'code', operator: 'equal', value: 'WorkspaceQuotaFrozen' },
            { fact: 'status', operator: 'equal', value: 400 },
          ]),
        });
        expect(rule.examples.match.map((e) => e.text)).toEqual(FAMILY.slice(0, 3));
        expect(await lintRuleFolders(set)).toEqual([]);
        const outcomes = await checkExamples(set);
        expect(outcomes.filter((o) => !o.ok)).toEqual([]);
        expect(outcomes.filter((o) => o.kind === 'match')).toHaveLength(3);
        // And the draft really is specific: the other family and a known error do not trip it.
        for (const text of [...OTHER, INVALID_KEY])
          expect((await diagnose(text, { rules: set })).diagnoses.map((d) => d.id)).not.toContain(draft!.id);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(await loop.draft('000000000000')).toBeUndefined();
    });

    it('files verdicts against the rule version shown, one per voter, and reports precision', async () => {
      const { loop } = await open();
      const shown = await Promise.all([1, 2, 3, 4].map(() => ask(loop, INVALID_KEY)));
      await ask(loop, OTHER[0]!);
      const filed = await loop.feedback({ answerId: shown[0]!, verdict: 'fixed', surface: 'slack', voter: 'U1' });
      expect(filed).toEqual({
        answerId: shown[0],
        verdict: 'fixed',
        ruleId: 'auth.invalid-api-key',
        ruleVersion: `v-${'auth.invalid-api-key'.length}`,
      });
      // The same person changing their mind replaces the verdict; another person adds one.
      await loop.feedback({ answerId: shown[0]!, verdict: 'not_it', surface: 'slack', voter: 'U1' });
      await loop.feedback({ answerId: shown[0]!, verdict: 'fixed', surface: 'slack', voter: 'U2' });
      await loop.feedback({ answerId: shown[1]!, verdict: 'fixed', surface: 'http', voter: 'token:x' });
      expect(await loop.feedback({ answerId: 'no-such-answer', verdict: 'fixed', surface: 'http' })).toBeUndefined();
      const stats = await loop.stats();
      expect(stats).toMatchObject({ answered: 5, unmatched: 1, detectionRate: 0.8 });
      expect(stats.days).toEqual([{ day: '2026-12-01', answered: 5, unmatched: 1, detectionRate: 0.8 }]);
      expect(stats.rules).toEqual([
        {
          ruleId: 'auth.invalid-api-key',
          ruleVersion: 'v-20',
          shown: 4,
          fixed: 2,
          notIt: 1,
          precision: 0.667,
          falling: false,
        },
      ]);
    });

    it('flags a rule whose precision fell in the last week', async () => {
      const { loop } = await open();
      const start = t;
      for (let i = 0; i < 8; i++) {
        t = start - 20 * DAY + i * DAY; // earlier: all fixed
        const id = await ask(loop, INVALID_KEY);
        await loop.feedback({ answerId: id, verdict: 'fixed', surface: 'http', voter: `u${i}` });
      }
      for (let i = 0; i < 4; i++) {
        t = start - 2 * DAY + i * 3_600_000; // recent: mostly not it
        const id = await ask(loop, INVALID_KEY);
        await loop.feedback({ answerId: id, verdict: i ? 'not_it' : 'fixed', surface: 'http', voter: `r${i}` });
      }
      t = start;
      const stats = await loop.stats();
      expect(stats.falling).toEqual([{ ruleId: 'auth.invalid-api-key', earlier: 1, recent: 0.25, votes: 12 }]);
      expect(stats.rules[0]!.falling).toBe(true);
    });

    it('with STORE_PASTES=0 keeps only templates, and the sweep removes what is past RETENTION_DAYS', async () => {
      const { loop, place } = await open({ STORE_PASTES: '0', RETENTION_DAYS: '2' });
      for (const text of FAMILY.slice(0, 2)) await ask(loop, text);
      const [gap] = await loop.gaps();
      expect(gap!.samples.join('\n')).not.toMatch(/ws-\d|frozen until/);
      expect(gap!.samples[0]).toContain('<*>');
      const raw = await rawRows(place, 'select text from pastes');
      expect(raw.map((r) => r.text)).toEqual([null, null]);
      t += 3 * DAY;
      await ask(loop, OTHER[0]!);
      await loop.sweep();
      expect((await loop.gaps()).map((g) => g.count)).toEqual([1]);
      expect(await rawRows(place, 'select answer_id from answers')).toHaveLength(1);
      expect(loop.counters().sweepRuns).toBe(2);
    });

    it('two processes on one database see the same gaps, stats and answers', async () => {
      const a = await open();
      const b = await open({}, a.place);
      for (const text of FAMILY.slice(0, 3)) await ask(a.loop, text);
      for (const text of FAMILY.slice(3)) await ask(b.loop, text);
      const id = await ask(a.loop, INVALID_KEY);
      expect((await b.loop.gaps()).map((g) => g.count)).toEqual([6]);
      expect(await a.loop.gaps()).toEqual(await b.loop.gaps());
      expect((await b.loop.stats()).answered).toBe(7);
      expect((await b.loop.answers.load(id))?.diagnoses[0]?.id).toBe('auth.invalid-api-key');
    });
  });
}

/** Rows straight from the database file or server, past every layer of ours. */
async function rawRows(
  place: { dataDir: string; databaseUrl?: string },
  query: string,
): Promise<Record<string, unknown>[]> {
  if (place.databaseUrl) {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: place.databaseUrl });
    await c.connect();
    try {
      return (await c.query(query)).rows;
    } finally {
      await c.end();
    }
  }
  const SQLite = (await import('better-sqlite3')).default;
  const db = new SQLite(join(place.dataDir, 'bailian-doctor.sqlite'), { readonly: true });
  try {
    return db.prepare(query).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}
