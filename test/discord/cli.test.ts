// `bailian-doctor discord register [--guild ID]` and start-up through startDiscord(env), against the fake.
import { createServer } from 'node:net';
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
  beforeEach(async () => {
    fake = await startFakeDiscord();
    env = { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl };
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('register --guild overwrites the guild commands: /diagnose and the message context menu', async () => {
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
    ]);
    expect(commands[0]!.options!.every((o) => !o.required)).toBe(true);
    expect(put!.headers.authorization).toBe(`Bot ${fake.token}`);
  });

  it('register without --guild overwrites the global commands', async () => {
    const r = await run(['discord', 'register'], env);
    expect(r.code).toBe(0);
    expect(fake.requestsTo({ method: 'PUT', path: `/applications/${fake.ids.application}/commands` })).toHaveLength(1);
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

  it('a refused Message Content intent stops start-up naming DISCORD_WATCH_CHANNELS', async () => {
    fake.gateway.closeOnIdentify = 4014;
    await expect(
      startDiscord({ ...env, DISCORD_WATCH_CHANNELS: fake.ids.support, LOG_LEVEL: 'silent' }),
    ).rejects.toThrow(/^DISCORD_WATCH_CHANNELS: .*Message Content intent/);
  });

  it('without watched channels the privileged Message Content intent is not requested', async () => {
    const handle = await startDiscord({ ...env, LOG_LEVEL: 'silent' });
    const [identify] = fake.gateway.sentOps(2);
    expect((identify!.d as { intents: number }).intents & (1 << 15)).toBe(0);
    await handle.stop();
  });
});
