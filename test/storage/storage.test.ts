// The storage layer on both backends: open and migrate, answers for the buttons, threads, a newer schema refused.
import { afterEach, describe, expect, it } from 'vitest';
import type { ThreadState } from '../../src/chat/thread-store.js';
import { openStorage, type Storage } from '../../src/storage/storage.js';
import type { DiagnoseResult } from '../../src/types.js';
import { BACKENDS, type Backend } from '../helpers/storage-backends.js';

const result = (matched: boolean, rule = 'auth.invalid-api-key'): DiagnoseResult => ({
  matched,
  facts: { status: 401, code: 'InvalidApiKey', host: 'dashscope.aliyuncs.com' },
  diagnoses: [
    {
      id: rule,
      category: 'auth',
      code: 'InvalidApiKey',
      title: 'Invalid API key',
      severity: 'high',
      confidence: matched ? 0.9 : 0.3,
      cause: 'The key is wrong.',
      fix: ['Use the right key.'],
      verify: [{ say: 'Call it.', run: 'curl -H "Authorization: Bearer $DASHSCOPE_API_KEY" …' }],
      evidence: ['status 401'],
      docs: [],
    },
  ],
  secretsFound: false,
});

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`storage on ${backend.name}`, () => {
    const open: Storage[] = [];
    const places: Awaited<ReturnType<Backend['create']>>[] = [];
    const place = async () => {
      const p = await backend.create();
      places.push(p);
      return p;
    };
    const openAt = async (p: Awaited<ReturnType<Backend['create']>>, now?: () => number) => {
      const s = await openStorage({ ...p, storePastes: true, retentionDays: 30 }, now);
      open.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close().catch(() => {});
      for (const p of places.splice(0)) await p.cleanup();
    });

    it('keeps an answer across a close and reopen, as the buttons need after a restart', async () => {
      const p = await place();
      const first = await openAt(p);
      expect(first.kind).toBe(backend.name);
      await first.answers.save('a-1', result(true), { surface: 'slack', ruleVersion: 'abc123def456' });
      await first.close();
      open.length = 0;
      const second = await openAt(p);
      const loaded = await second.answers.load('a-1');
      expect(loaded?.diagnoses[0]?.id).toBe('auth.invalid-api-key');
      expect(await second.answers.load('nope')).toBeUndefined();
      const row = await second.answerRow('a-1');
      expect(row).toMatchObject({
        surface: 'slack',
        ruleId: 'auth.invalid-api-key',
        ruleVersion: 'abc123def456',
        confidence: 0.9,
        matched: true,
        signature: { status: 401, code: 'InvalidApiKey', host: 'dashscope.aliyuncs.com' },
      });
      expect(typeof row?.at).toBe('number');
    });

    it('two processes on one database see each other’s answers', async () => {
      const p = await place();
      const a = await openAt(p);
      const b = await openAt(p);
      await a.answers.save('shared', result(true), { surface: 'discord' });
      expect((await b.answers.load('shared'))?.matched).toBe(true);
    });

    it('saves and loads thread state as one document, newer saves winning', async () => {
      let t = 1_000_000;
      const p = await place();
      const s = await openAt(p, () => t);
      const state: ThreadState = {
        key: 'slack:T1:C1:1.2',
        surface: 'slack',
        facts: { model: 'qwen-plus', status: 429 },
        answerIds: ['a-1'],
        status: 'open',
        updatedAt: t,
      };
      expect(await s.threads.save(state)).toBe(true);
      expect(await s.threads.save({ ...state, answerIds: ['a-1', 'a-2'], status: 'solved', updatedAt: t + 5 })).toBe(
        true,
      );
      expect(await s.threads.load(state.key)).toEqual({
        ...state,
        answerIds: ['a-1', 'a-2'],
        status: 'solved',
        updatedAt: t + 5,
        revision: 2,
      });
      expect(await s.threads.load('slack:T1:C1:other')).toBeUndefined();
      t += 8 * 24 * 60 * 60 * 1000;
      expect(await s.threads.load(state.key)).toBeUndefined();
    });

    it('saves a thread by compare-and-set: of two openers that loaded one revision, the second save is refused', async () => {
      const p = await place();
      const a = await openAt(p, () => 1_000);
      const b = await openAt(p, () => 1_000);
      const key = 'slack:T1:C1:9.9';
      const fresh = (facts: ThreadState['facts']): ThreadState => ({
        key,
        surface: 'slack',
        facts,
        answerIds: [],
        status: 'open',
        updatedAt: 1_000,
      });
      expect(await a.threads.save(fresh({ model: 'qwen-plus' }))).toBe(true);
      // A second "new thread" for the same key is a conflict, not an overwrite.
      expect(await b.threads.save(fresh({ model: 'qwen-max' }))).toBe(false);
      const onA = (await a.threads.load(key))!;
      const onB = (await b.threads.load(key))!;
      expect(await a.threads.save({ ...onA, facts: { ...onA.facts, status: 429 } })).toBe(true);
      expect(await b.threads.save({ ...onB, facts: { ...onB.facts, region: 'cn-beijing' } })).toBe(false);
      const reloaded = (await b.threads.load(key))!;
      expect(reloaded.facts).toEqual({ model: 'qwen-plus', status: 429 });
      expect(await b.threads.save({ ...reloaded, facts: { ...reloaded.facts, region: 'cn-beijing' } })).toBe(true);
      expect((await a.threads.load(key))!.facts).toEqual({ model: 'qwen-plus', status: 429, region: 'cn-beijing' });
    });

    it('migrates once when opened again, and refuses a schema newer than it knows', async () => {
      const p = await place();
      const s = await openAt(p);
      await s.close();
      open.length = 0;
      await (await openAt(p)).close();
      open.length = 0;
      // A newer release would have bumped the version: simulate it.
      await bumpSchema(p);
      await expect(openStorage({ ...p, storePastes: true, retentionDays: 30 })).rejects.toMatchObject({
        code: 'STORAGE_SCHEMA_NEWER',
        message: expect.stringMatching(/schema is version 99, newer than this bailian-doctor knows \(\d+\).*Upgrade/),
      });
    });
  });
}

async function bumpSchema(p: { dataDir: string; databaseUrl?: string }): Promise<void> {
  if (p.databaseUrl) {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: p.databaseUrl });
    await c.connect();
    await c.query('update schema_version set version = 99');
    await c.end();
  } else {
    const SQLite = (await import('better-sqlite3')).default;
    const db = new SQLite(`${p.dataDir}/bailian-doctor.sqlite`);
    db.prepare('update schema_version set version = 99').run();
    db.close();
  }
}
