// The learning loop over HTTP, with real storage: answerId on every diagnose answer, POST /v1/feedback, the gaps
// and stats reports, a draft as YAML, the storage metrics — and a storage that fails never costs an answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LearningLoop, openLearningLoop } from '../../src/index.js';
import { INVALID_KEY_TEXT, type Json, readJson, startTestServer, type TestServer } from './server-harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const miss = (i: number) => `QuantumBridgeError: bridge ${i * 7} collapsed after ${100 + i} retries on node-${i}`;

let dataDir: string;
let loop: LearningLoop;
let server: TestServer;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bd-http-learning-'));
  loop = await openLearningLoop({ DATA_DIR: dataDir }, { sweepTimer: false });
  server = await startTestServer({}, { learning: loop });
});
afterAll(async () => {
  await server.close();
  await loop.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('answers kept over HTTP', () => {
  it('every diagnose answer carries an answerId, in the body and the Answer-Id header, in every format', async () => {
    const res = await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT });
    const body: Json = await readJson(res);
    expect(body.answerId).toMatch(UUID);
    expect(res.headers.get('answer-id')).toBe(body.answerId);
    const text = await server.post('/v1/diagnose?format=text', { text: INVALID_KEY_TEXT });
    expect(text.headers.get('answer-id')).toMatch(UUID);
    expect((await loop.answers.load(body.answerId))?.diagnoses[0]?.id).toBe('auth.invalid-api-key');
    const batch: Json = await readJson(
      await server.post('/v1/diagnose/batch', { items: [{ text: INVALID_KEY_TEXT }, { text: miss(1) }] }),
    );
    const ids = batch.results.map((r: Json) => r.answerId);
    expect(ids.every((id: string) => UUID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(2);
  });

  it('files a verdict against the rule version, and refuses what it cannot file', async () => {
    const { answerId }: Json = await readJson(await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT }));
    const res = await server.post('/v1/feedback', { answerId, verdict: 'fixed' });
    expect(res.status).toBe(200);
    const body: Json = await readJson(await server.post('/v1/feedback', { answerId, verdict: 'not_it' }));
    expect(body).toMatchObject({ answerId, verdict: 'not_it', ruleId: 'auth.invalid-api-key', recorded: true });
    expect(body.ruleVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(body.note).toContain(`for rule auth.invalid-api-key (version ${body.ruleVersion})`);
    expect(body.note).toContain('it does not change answers by itself');
    const unknown = await server.post('/v1/feedback', { answerId: 'nope', verdict: 'fixed' });
    expect(unknown.status).toBe(404);
    expect(((await readJson(unknown)) as Json).error.code).toBe('ANSWER_NOT_FOUND');
    const bad = await server.post('/v1/feedback', { answerId, verdict: 'great' });
    expect(bad.status).toBe(400);
    // One client, one verdict per answer: the second replaced the first.
    const stats: Json = await readJson(await server.get('/v1/stats'));
    const rule = stats.rules.find((r: Json) => r.ruleId === 'auth.invalid-api-key');
    expect(rule).toMatchObject({ fixed: 0, notIt: 1, ruleVersion: body.ruleVersion });
  });

  it('lists gaps, drafts one as YAML, and says what is wrong with a bad window or id', async () => {
    for (let i = 0; i < 6; i++) await server.post('/v1/diagnose', { text: miss(i) });
    const gaps: Json = await readJson(await server.get('/v1/gaps?since=7d'));
    expect(gaps.since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const top = gaps.gaps[0];
    expect(top).toMatchObject({ count: 7, surfaces: ['http'] });
    expect(top.samples).toHaveLength(3);
    expect(top.template).toContain('QuantumBridgeError:');
    const draft = await server.get(`/v1/gaps/${top.clusterId}/draft`);
    expect(draft.status).toBe(200);
    expect(draft.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(await draft.text()).toMatch(new RegExp(`id: other\\.gap-${top.clusterId}\\n`));
    expect((await server.get('/v1/gaps/abcdef123456/draft')).status).toBe(404);
    const badSince = await server.get('/v1/gaps?since=yesterday');
    expect(badSince.status).toBe(400);
    expect(((await readJson(badSince)) as Json).error).toMatchObject({
      code: 'INVALID_SINCE',
      message: expect.stringContaining('24h, 7d or 2w'),
    });
  });

  it('shows storage errors, sweep runs and the cluster count on /metrics', async () => {
    const text = await (await server.get('/metrics')).text();
    expect(text).toMatch(/^bailian_doctor_storage_errors_total 0$/m);
    expect(text).toMatch(/^bailian_doctor_sweep_runs_total\{result="ok"\} 1$/m);
    expect(text).toMatch(/^bailian_doctor_gap_clusters [1-9]\d*$/m);
  });
});

describe('a storage failure never costs an answer', () => {
  it('answers, logs and counts when the database is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-http-broken-'));
    const broken = await openLearningLoop({ DATA_DIR: dir }, { sweepTimer: false });
    const s = await startTestServer({}, { learning: broken });
    try {
      await broken.close(); // every later storage call fails
      const res = await s.post('/v1/diagnose', { text: INVALID_KEY_TEXT });
      expect(res.status).toBe(200);
      const body: Json = await readJson(res);
      expect(body.diagnoses[0].id).toBe('auth.invalid-api-key');
      expect(broken.counters().storageErrors).toBe(1);
      const metrics = await (await s.get('/metrics')).text();
      expect(metrics).toMatch(/^bailian_doctor_storage_errors_total 1$/m);
      const fb = await s.post('/v1/feedback', { answerId: body.answerId, verdict: 'fixed' });
      expect(fb.status).toBe(503);
      expect(((await readJson(fb)) as Json).error.code).toBe('STORAGE_UNAVAILABLE');
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a server without storage answers the reports 503, and diagnose without an answerId', async () => {
    const s = await startTestServer();
    try {
      const body: Json = await readJson(await s.post('/v1/diagnose', { text: INVALID_KEY_TEXT }));
      expect(body.answerId).toBeUndefined();
      const gaps = await s.get('/v1/gaps');
      expect(gaps.status).toBe(503);
      expect(((await readJson(gaps)) as Json).error.code).toBe('STORAGE_DISABLED');
    } finally {
      await s.close();
    }
  });
});
