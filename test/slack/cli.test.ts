// `bailian-doctor slack`: runs the bot alone; a bad configuration exits 2 naming the variable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runSlack } from '../../src/cli/commands/slack.js';
import type { CliContext } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { TEST_RETRY, testRules } from './harness.js';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});
/** The bot keeps its answers in a folder of this file's own, never the repository's ./data. */
const DATA_DIR = mkdtempSync(join(tmpdir(), 'bd-slack-cli-'));
afterAll(() => rmSync(DATA_DIR, { recursive: true, force: true }));

function ctx(env: NodeJS.ProcessEnv, args: string[] = []) {
  const err: string[] = [];
  const c: CliContext = {
    args,
    stdin: new PassThrough(),
    stdout: () => {},
    stderr: (s) => void err.push(s),
    isTTY: false,
    env: { DATA_DIR, ...env },
  };
  return { c, err };
}

describe('bailian-doctor slack', () => {
  it('exits 2 and names the missing variable', async () => {
    const err: string[] = [];
    const code = await main(['slack'], { env: { LOG_LEVEL: 'silent' }, stderr: (s) => void err.push(s) });
    expect(code).toBe(2);
    expect(err.join('')).toContain('SLACK_BOT_TOKEN is not set');
  });

  it('exits 2 when Slack rejects the bot token', async () => {
    fake = await FakeSlack.start();
    const { c, err } = ctx({
      SLACK_BOT_TOKEN: `xox${'b'}-not-the-right-one`,
      SLACK_APP_TOKEN: fake.appToken,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: 'silent',
    });
    expect(await runSlack(c, async () => 'unused', { retryConfig: TEST_RETRY, rules: testRules() })).toBe(2);
    expect(err.join('')).toMatch(/Slack rejected SLACK_BOT_TOKEN .*invalid_auth/);
  });

  it('exits 1 when Slack cannot be reached, naming SLACK_API_URL', async () => {
    fake = await FakeSlack.start();
    const apiUrl = fake.apiUrl;
    const token = fake.botToken;
    await fake.stop();
    fake = undefined;
    const { c, err } = ctx({
      SLACK_BOT_TOKEN: token,
      SLACK_SIGNING_SECRET: 'd'.repeat(32),
      SLACK_API_URL: apiUrl,
      LOG_LEVEL: 'silent',
    });
    expect(await runSlack(c, async () => 'unused', { retryConfig: TEST_RETRY, rules: testRules() })).toBe(1);
    expect(err.join('')).toContain('could not reach Slack');
    expect(err.join('')).toMatch(/ECONNREFUSED|fetch failed/);
    expect(err.join('')).toContain('SLACK_API_URL');
  });

  it('runs in Socket Mode until told to stop', async () => {
    fake = await FakeSlack.start();
    const { c, err } = ctx({
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_APP_TOKEN: fake.appToken,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: 'silent',
    });
    let running = 0;
    const code = await runSlack(
      c,
      async () => {
        running = fake!.socket.open;
        return 'SIGTERM';
      },
      { rules: testRules() },
    );
    expect(code).toBe(0);
    expect(running).toBe(1);
    expect(err.join('')).toContain('Socket Mode');
    expect(fake.callsTo('apps.connections.open')[0]?.headers.authorization).toBe(`Bearer ${fake.appToken}`);
  });

  it('rejects arguments', async () => {
    const err: string[] = [];
    expect(await main(['slack', '--port', '1'], { env: {}, stderr: (s) => void err.push(s) })).toBe(2);
    expect(err.join('')).toContain('takes no arguments');
  });
});
