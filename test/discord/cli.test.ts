// `bailian-doctor discord register [--guild ID]` and start-up through startDiscord(env), against the fake.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startDiscord } from '../../src/discord/start.js';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/index.js';
import './harness.js'; // rules load without recheck in this worker (see harness.ts)

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { env, stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
}

/** A loopback URL nothing listens on: a port that was free a moment ago. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/api`;
}

describe('bailian-doctor discord', () => {
  let fake: FakeDiscord;
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  beforeEach(async () => {
    fake = await startFakeDiscord();
    // The bot keeps its answers in a database of this test's own.
    dataDir = mkdtempSync(join(tmpdir(), 'bd-discord-cli-'));
    env = { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DATA_DIR: dataDir };
  });
  afterEach(async () => {
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('register --guild overwrites the guild commands: /diagnose, the message context menu and /check', async () => {
    const r = await run(['discord', 'register', '--guild', fake.ids.guild], env);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`guild ${fake.ids.guild}`);
    const [put] = fake.requestsTo({
      method: 'PUT',
      path: `/applications/${fake.ids.application}/guilds/${fake.ids.guild}/commands`,
    });
    const commands = put!.body as Array<{
      name: string;
      type: number;
      options?: Array<{ name: string; required: boolean }>;
    }>;
    expect(commands.map((c) => [c.name, c.type])).toEqual([
      ['diagnose', 1],
      ['Diagnose error', 3],
      ['check', 1],
    ]);
    expect(commands[0]!.options!.every((o) => !o.required)).toBe(true);
    expect(put!.headers.authorization).toBe(`Bot ${fake.token}`);
    // Discord takes the install fields on global commands only.
    expect(JSON.stringify(commands)).not.toMatch(/integration_types|contexts/);
  });

  it('register without --guild overwrites the global commands, installable to servers and to users', async () => {
    const r = await run(['discord', 'register'], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/User Install/);
    const puts = fake.requestsTo({ method: 'PUT', path: `/applications/${fake.ids.application}/commands` });
    expect(puts).toHaveLength(1);
    const commands = puts[0]!.body as Array<{ name: string; integration_types: number[]; contexts: number[] }>;
    for (const c of commands) {
      expect(c.integration_types).toEqual([0, 1]); // guild install, user install
      expect(c.contexts).toEqual([0, 1, 2]); // servers, the DM with the bot, DMs and group DMs
      expect(c).not.toHaveProperty('dm_permission'); // superseded by contexts
    }
  });

  it.each([
    [['discord', 'register', '--guild', 'my-server'], {}, /--guild my-server is not a server id/],
    [['discord', 'register'], { DISCORD_TOKEN: '' }, /DISCORD_TOKEN: is not set/],
    [['discord', 'register'], { DISCORD_API_URL: 'not a url' }, /DISCORD_API_URL:/],
    [['discord', 'frobnicate'], {}, /usage: bailian-doctor discord/],
    [['discord'], { DISCORD_WATCH_CHANNELS: 'general' }, /DISCORD_WATCH_CHANNELS: "general"/],
    [['discord'], { DISCORD_TOKEN: 'wrong.token.value' }, /DISCORD_TOKEN: Discord rejected the token/],
    // discord.js REST errors carry Discord's numeric codes: the CLI's error handler once crashed on them.
    [['discord', 'register'], { DISCORD_TOKEN: 'wrong.token.value' }, /DISCORD_TOKEN: Discord rejected the token/],
  ])('%j exits 2 naming the problem', async (args, extra, message) => {
    const r = await run(args, { ...env, ...extra });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('an unreachable Discord names DISCORD_API_URL, for register and for the bot, with no stack', async () => {
    const closed = await closedPortUrl();
    for (const args of [['discord', 'register'], ['discord']]) {
      const r = await run(args, { ...env, DISCORD_API_URL: closed, LOG_LEVEL: 'silent' });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(new RegExp(`cannot reach Discord at ${closed} \\(DISCORD_API_URL\\): ECONNREFUSED`));
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('startDiscord(env) connects and stops', async () => {
    const handle = await startDiscord({ ...env, DISCORD_WATCH_CHANNELS: fake.ids.support, LOG_LEVEL: 'silent' });
    expect(handle.name).toBe('discord');
    const [identify] = fake.gateway.sentOps(2);
    // Watching channels asks for Message Content (1 << 15) and guild messages (1 << 9).
    expect((identify!.d as { intents: number }).intents & ((1 << 15) | (1 << 9))).toBe((1 << 15) | (1 << 9));
    await handle.stop();
  });

  it('with DIGEST_CHANNEL=discord:<id> posts the weekly digest to that channel', async () => {
    const channel = fake.ids.support;
    const handle = await startDiscord({ ...env, DIGEST_CHANNEL: `discord:${channel}`, LOG_LEVEL: 'silent' });
    try {
      const [post] = await fake.waitForRequests({
        method: 'POST',
        path: new RegExp(`^/channels/${channel}/messages$`),
      });
      expect((post!.body as { content: string }).content).toMatch(/^bailian-doctor weekly digest, \d{4}-W\d{2}\n/);
    } finally {
      await handle.stop();
    }
  });

  it('a refused Message Content intent stops start-up naming DISCORD_WATCH_CHANNELS', async () => {
    fake.gateway.closeOnIdentify = 4014;
    await expect(
      startDiscord({ ...env, DISCORD_WATCH_CHANNELS: fake.ids.support, LOG_LEVEL: 'silent' }),
    ).rejects.toThrow(/^DISCORD_WATCH_CHANNELS: .*Message Content intent/);
  });

  it('forum channels ask for Message Content too, and a refusal names DISCORD_FORUM_CHANNELS', async () => {
    fake.gateway.closeOnIdentify = 4014;
    await expect(startDiscord({ ...env, DISCORD_FORUM_CHANNELS: fake.ids.forum, LOG_LEVEL: 'silent' })).rejects.toThrow(
      /^DISCORD_FORUM_CHANNELS: .*Message Content intent.*leave DISCORD_FORUM_CHANNELS empty/,
    );
    const [identify] = fake.gateway.sentOps(2);
    expect((identify!.d as { intents: number }).intents & (1 << 15)).toBe(1 << 15);
  });

  it('without watched channels the privileged Message Content intent is not requested', async () => {
    const handle = await startDiscord({ ...env, LOG_LEVEL: 'silent' });
    const [identify] = fake.gateway.sentOps(2);
    expect((identify!.d as { intents: number }).intents & (1 << 15)).toBe(0);
    await handle.stop();
  });
});
