// With nothing configured, `npm start` (node dist/src/main.js) keeps its data in ./data across a restart, and the
// CLI's `gaps`, `gaps draft` and `stats` read the same database; the draft passes `rules lint` and `rules test`
// beside the bundled rules. A database written by a newer release is refused with exit status 2.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const family = (i: number) =>
  `{"code": "DeploymentShardOffline", "message": "shard-${i * 13} of deployment d-${9000 + i} is offline", "status": 503}`;

let cwd: string;
beforeAll(() => {
  if (!existsSync(MAIN)) execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.json')]);
  cwd = mkdtempSync(join(tmpdir(), 'bd-start-'));
}, 120_000);
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

async function startMain(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const r = JSON.parse(line) as { msg?: string; url?: string };
      if (r.msg === 'HTTP API ready' && r.url) resolve(r.url);
    });
    child.once('close', (code) => reject(new Error(`main.js exited with ${code}: ${stderr.join('')}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  const closed = once(child, 'close');
  child.kill('SIGTERM');
  await closed;
}

describe('npm start with nothing configured', () => {
  it('keeps answers and gaps in ./data across a restart; the CLI reports and drafts from them', async () => {
    const first = await startMain();
    for (let i = 0; i < 6; i++)
      await fetch(`${first.url}/v1/diagnose`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: family(i) }),
      });
    await stop(first.child);
    expect(existsSync(join(cwd, 'data', 'bailian-doctor.sqlite'))).toBe(true);

    const second = await startMain();
    try {
      const { gaps } = (await (await fetch(`${second.url}/v1/gaps`)).json()) as {
        gaps: { clusterId: string; count: number }[];
      };
      expect(gaps.map((g) => g.count)).toEqual([6]);
    } finally {
      await stop(second.child);
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
        /schema is version 2, newer than this bailian-doctor knows \(1\).*Upgrade bailian-doctor/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
