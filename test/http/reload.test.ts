// Hot reload over a temp copy of the rules: good -> bad -> good. A failed reload keeps the previous rules in
// service and reports itself on /readyz, in /metrics and in the log.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRuleDirs } from '../../src/knowledge/load.js';
import { type ReloadOutcome, RuleStore } from '../../src/service/rule-store.js';
import { INVALID_KEY_TEXT, readJson, startTestServer, type TestServer } from './server-harness.js';

let dir: string;
let file: string;
let original: string;
let store: RuleStore;
let server: TestServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bd-reload-'));
  cpSync(join(defaultRuleDirs({})[0]!, 'auth'), join(dir, 'auth'), { recursive: true });
  file = join(dir, 'auth', 'invalid-api-key.yaml');
  original = readFileSync(file, 'utf8');
  store = new RuleStore({ dirs: [dir] });
  server = await startTestServer({}, { rules: store });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const topId = async () =>
  (await readJson(await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT }))).diagnoses[0]?.id;
const title = async () => (await readJson(await server.get('/v1/rules/auth.invalid-api-key'))).title;

describe('rule reload', () => {
  it('good -> bad keeps the previous rules and reports; bad -> good serves the new ones', async () => {
    const ready = await readJson(await server.get('/readyz'));
    expect(ready).toMatchObject({ status: 'ready', lastReload: null });
    const before = await title();

    writeFileSync(file, original.replace(/^severity: .*$/m, 'severity: apocalyptic'));
    const failed = store.reload();
    expect(failed.ok).toBe(false);
    const readyRes = await server.get('/readyz');
    expect(readyRes.status).toBe(200);
    const report = await readJson(readyRes);
    expect(report.status).toBe('ready');
    expect(report.lastReload.ok).toBe(false);
    expect(report.lastReload.error).toMatch(/invalid-api-key\.yaml:\d+: severity/);
    expect(await topId()).toBe('auth.invalid-api-key');
    expect(await title()).toBe(before);
    const failure = server.logRecords().find((r) => r.msg?.toString().startsWith('rule reload failed'));
    expect(failure?.error).toMatch(/severity/);
    expect(await (await server.get('/metrics')).text()).toMatch(/rule_reloads_total\{result="failed"\} 1/);

    writeFileSync(file, original.replace(/^title: .*$/m, 'title: Reloaded title'));
    expect(store.reload().ok).toBe(true);
    const after = await readJson(await server.get('/readyz'));
    expect(after.lastReload).toMatchObject({ ok: true, error: null });
    expect(await title()).toBe('Reloaded title');
    expect(await topId()).toBe('auth.invalid-api-key');
  });

  it('reloads by itself when a watched rule file changes', async () => {
    const stop = store.watch(50);
    try {
      const reloaded = new Promise<ReloadOutcome>((resolve) => {
        const off = store.onReload((o) => {
          off();
          resolve(o);
        });
      });
      writeFileSync(file, original.replace(/^title: .*$/m, 'title: Watched title'));
      expect((await reloaded).ok).toBe(true);
      expect(await title()).toBe('Watched title');
    } finally {
      stop();
    }
  });
});
