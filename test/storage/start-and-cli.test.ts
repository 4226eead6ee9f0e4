// With nothing configured, `npm start` (node dist/src/main.js) keeps its data in ./data across a restart, and the
// CLI's `gaps`, `gaps draft` and `stats` read the same database; the draft passes `rules lint` and `rules test`
// beside the bundled rules. A database written by a newer release is refused with exit status 2.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { buildMainOnce, postJson, startMain } from '../helpers/main-process.js';

const family = (i: number) =>
  `{"code": "DeploymentShardOffline", "message": "shard-${i * 13} of deployment d-${9000 + i} is offline", "status": 503}`;

let cwd: string;
beforeAll(() => {
  buildMainOnce();
  cwd = mkdtempSync(join(tmpdir(), 'bd-start-'));
}, 120_000);
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

describe('npm start with nothing configured', () => {
  it('keeps answers and gaps in ./data across a restart; the CLI reports and drafts from them', async () => {
    // Nothing configured: no DATA_DIR, no DATABASE_URL.
    const first = await startMain(cwd);
    for (let i = 0; i < 6; i++) await postJson(`${first.url}/v1/diagnose`, { text: family(i) });
    await first.stop();
    expect(existsSync(join(cwd, 'data', 'bailian-doctor.sqlite'))).toBe(true);

    const second = await startMain(cwd);
    try {
      const { gaps } = (await (await fetch(`${second.url}/v1/gaps`)).json()) as {
        gaps: { clusterId: string; count: number }[];
      };
      expect(gaps.map((g) => g.count)).toEqual([6]);
    } finally {
      await second.stop();
    }

    const env = { DATA_DIR: join(cwd, 'data') };
    const listed = runCli(['gaps', '--json', '--since', '1d'], undefined, env);
    expect(listed.status).toBe(0);
    const [gap] = (JSON.parse(listed.stdout) as { gaps: { clusterId: string; count: number; facts: object }[] }).gaps;
    expect(gap).toMatchObject({ count: 6, facts: { code: 'DeploymentShardOffline', status: 503 } });
    const text = runCli(['gaps'], undefined, env);
    expect(text.stdout).toContain(`    6  ${gap!.clusterId}`);
    expect(text.stdout).toContain('bailian-doctor gaps draft <clusterId>');

    const draft = runCli(['gaps', 'draft', gap!.clusterId], undefined, env);
    expect(draft.status).toBe(0);
    const rules = join(cwd, 'drafts');
    mkdirSync(join(rules, 'other'), { recursive: true });
    writeFileSync(join(rules, 'other', `gap-${gap!.clusterId}.yaml`), draft.stdout);
    const lint = runCli(['rules', 'lint'], undefined, { RULES_DIR: rules });
    expect(lint.stdout, lint.stdout).toMatch(/, 0 lint problem\(s\)\n$/);
    expect(lint.status).toBe(0);
    const tested = runCli(['rules', 'test'], undefined, { RULES_DIR: rules });
    expect(
      tested.stdout,
      tested.stdout
        .split('\n')
        .filter((l) => l.startsWith('FAIL'))
        .join('\n'),
    ).not.toMatch(/^FAIL/m);
    expect(tested.status).toBe(0);

    const stats = runCli(['stats', '--json'], undefined, env);
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ answered: 6, unmatched: 6, detectionRate: 0 });
    expect(runCli(['stats'], undefined, env).stdout).toMatch(/^6 answered, 6 unmatched, detection rate 0\.0%/);
    expect(runCli(['gaps', '--since', 'soon'], undefined, env)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--since "soon" is not a window'),
    });
    const unknown = runCli(['gaps', 'draft', 'abcdef123456'], undefined, env);
    expect(unknown).toMatchObject({ status: 1, stderr: expect.stringContaining('no gap has id "abcdef123456"') });
  }, 90_000);

  it('refuses a database whose schema is newer, with exit status 2 and what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-newer-'));
    try {
      expect(runCli(['stats'], undefined, { DATA_DIR: dir }).status).toBe(0);
      const SQLite = (await import('better-sqlite3')).default;
      const db = new SQLite(join(dir, 'bailian-doctor.sqlite'));
      db.prepare('update schema_version set version = version + 1').run();
      db.close();
      const r = runCli(['gaps'], undefined, { DATA_DIR: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        /schema is version \d+, newer than this bailian-doctor knows \(\d+\).*Upgrade bailian-doctor/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
