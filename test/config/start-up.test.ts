// `npm start` with bots half configured or unreachable: a bot without its token is named in a warning (and the API
// still starts); a bot that cannot start stops start-up before the API listens, naming the variable to fix.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { halfConfigured } from '../../src/config/index.js';

const MAIN = join(import.meta.dirname, '..', '..', 'dist', 'src', 'main.js');
const work = mkdtempSync(join(tmpdir(), 'bd-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Line = Record<string, unknown> & { msg?: string };

/** Run main.js until it logs "HTTP API ready" (then SIGTERM) or exits; every JSON line of both streams. */
async function runMain(extra: Record<string, string>): Promise<{ code: number | null; out: Line[]; err: Line[] }> {
  const env = { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'json', ...extra };
  const child = spawn(process.execPath, [MAIN], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    if (out.includes('"HTTP API ready"')) child.kill('SIGTERM');
  });
  const [code] = await once(child, 'close');
  const parse = (s: string) =>
    s
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
  return { code: code as number | null, out: parse(out), err: parse(err) };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('half-configured bots', () => {
  it.each([
    [
      { SLACK_APP_TOKEN: 'xapp-1' },
      /SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is empty, so the Slack bot is not started/,
    ],
    [
      { SLACK_SIGNING_SECRET: 's', SLACK_WATCH_CHANNELS: 'C1' },
      /SLACK_SIGNING_SECRET and SLACK_WATCH_CHANNELS are set/,
    ],
    [{ DISCORD_WATCH_CHANNELS: '123456789012345678' }, /DISCORD_WATCH_CHANNELS is set but DISCORD_TOKEN is empty/],
  ])('%j is named in a warning', (env, message) => {
    expect(halfConfigured(env).join('\n')).toMatch(message);
  });

  it('the defaults copied from .env.example warn of nothing', () => {
    expect(halfConfigured({ SLACK_HOST: '0.0.0.0', SLACK_PORT: '3000', SLACK_API_URL: '', DISCORD_TOKEN: '' })).toEqual(
      [],
    );
  });

  it('npm start logs the warning as JSON on stderr, then serves the API', async () => {
    const r = await runMain({ SLACK_APP_TOKEN: 'xapp-1-A1-1-abc' });
    expect(r.code).toBe(0);
    const warning = r.err.find((l) => l.level === 40);
    expect(warning).toMatchObject({ surface: 'main' });
    expect(warning?.msg).toMatch(/SLACK_BOT_TOKEN is empty/);
    expect(r.out.some((l) => l.msg === 'HTTP API ready')).toBe(true);
  });
});

describe('a bot that cannot start', () => {
  it('an unreachable Discord stops start-up before the API listens, naming DISCORD_API_URL', async () => {
    const api = `http://127.0.0.1:${await closedPort()}/api`;
    const r = await runMain({ DISCORD_TOKEN: 'MTIz.abc.def', DISCORD_API_URL: api });
    expect(r.code).toBe(1);
    expect(r.out.some((l) => l.msg === 'HTTP API ready')).toBe(false);
    const fatal = r.err.find((l) => l.level === 60);
    expect(fatal).toMatchObject({ surface: 'main', code: 'UNREACHABLE' });
    expect(fatal?.msg).toContain(`cannot reach Discord at ${api} (DISCORD_API_URL)`);
  });
});
