// DISCORD_SHARDS: discord.js's ShardingManager runs the compiled bot (dist/src/discord/shard-main.js) as two
// child processes against the fake gateway, which owns one guild per shard. Each shard identifies with its own
// [id, 2], gets only its guild, and answers that guild's /diagnose; /readyz-style readiness follows the shards,
// including a shard process killed and respawned.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/discord/start.js';
import type { SurfaceHandle, SurfaceReadiness } from '../../src/index.js';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/index.js';
import { BACKENDS } from '../helpers/storage-backends.js';
import { bodyOf, FOLLOWUP, INVALID_KEY_RULE, MATCHED_TEXT, ORIGINAL } from './harness.js';

const FIXTURE_RULES = join(dirname(fileURLToPath(import.meta.url)), '..', 'slack', 'fixtures', 'rules');
const postgres = BACKENDS.find((b) => b.name === 'postgres')!;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARD_MAIN = join(ROOT, 'dist', 'src', 'discord', 'shard-main.js');

beforeAll(() => {
  // `npm test` compiles first; build here only when someone runs this file on a fresh clone.
  if (!existsSync(SHARD_MAIN))
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.json')]);
}, 120_000);

interface ShardDetail {
  id: number;
  ready: boolean;
  pid?: number;
  sockets?: Array<{ id: number; status: string }>;
}
const shardsOf = (r: SurfaceReadiness) => r.detail.shards as ShardDetail[];

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('discord sharding', () => {
  let fake: FakeDiscord | undefined;
  let bot: SurfaceHandle | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await bot?.stop();
    await fake?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('DISCORD_SHARDS=auto: two shard processes, each answering its own guild; readiness follows a killed shard', async () => {
    fake = await startFakeDiscord({ shards: 2 });
    // The embedded database of its own, not ./data of whoever runs the tests.
    dataDir = mkdtempSync(join(tmpdir(), 'bd-shards-'));
    const env = {
      PATH: process.env.PATH,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_SHARDS: 'auto',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    bot = await startDiscord(env, {
      logger: pino({ level: 'silent' }),
      sharding: { file: SHARD_MAIN, spawnDelayMs: 50 },
    });

    const identified = fake.gateway.sentOps(2).map((f) => (f.d as { shard: number[] }).shard);
    expect(identified.map((s) => s.join('/')).sort()).toEqual(['0/2', '1/2']);
    const ready = await bot.readiness!();
    expect(ready.ready).toBe(true);
    expect(ready.detail).toMatchObject({ mode: 'sharded', totalShards: 2 });
    const pids = shardsOf(ready).map((s) => s.pid);
    expect(new Set(pids).size).toBe(2); // two processes
    expect(shardsOf(ready).flatMap((s) => s.sockets!.map((k) => k.status))).toEqual(['Ready', 'Ready']);

    // A command in each guild reaches the shard that owns it, and that shard answers.
    for (const k of [0, 1]) {
      const where = { guildId: fake.ids.guilds[k]!, channelId: fake.ids.channels[k]! };
      const i = await fake.slashCommand(
        fake.user(),
        [{ name: 'error', type: 3, value: MATCHED_TEXT }],
        undefined,
        where,
      );
      const [edit] = await fake.waitForRequests(ORIGINAL(i.token), 1, 20_000);
      expect(JSON.stringify(bodyOf(edit).embeds)).toContain(INVALID_KEY_RULE);
    }

    // Kill shard 1's process: readiness says so, the manager respawns it, readiness recovers.
    process.kill(pids[1]!, 'SIGKILL');
    await until(async () => !(await bot!.readiness!()).ready, 10_000);
    await until(async () => {
      const r = await bot!.readiness!();
      return r.ready && shardsOf(r)[1]!.pid !== pids[1];
    });
    const i = await fake.slashCommand(fake.user(), [{ name: 'error', type: 3, value: MATCHED_TEXT }], undefined, {
      guildId: fake.ids.guilds[1]!,
      channelId: fake.ids.channels[1]!,
    });
    await fake.waitForRequests(ORIGINAL(i.token), 1, 20_000);
  }, 90_000);

  it.skipIf(!postgres.available)(
    'with DATABASE_URL the state is shared: a button under an answer still works after its shard process was replaced',
    async () => {
      const place = await postgres.create();
      try {
        fake = await startFakeDiscord({ shards: 2 });
        const env = {
          PATH: process.env.PATH,
          DISCORD_TOKEN: fake.token,
          DISCORD_API_URL: fake.apiUrl,
          DISCORD_SHARDS: '2',
          DATABASE_URL: place.databaseUrl,
          DATA_DIR: place.dataDir,
          RULES_DIR: FIXTURE_RULES, // two more rules for InvalidApiKey: the answer offers "Other possible causes"
          LOG_LEVEL: 'warn',
        };
        bot = await startDiscord(env, {
          logger: pino({ level: 'silent' }),
          sharding: { file: SHARD_MAIN, spawnDelayMs: 50 },
        });
        const where = { guildId: fake.ids.guilds[1]!, channelId: fake.ids.channels[1]! };
        const user = fake.user();
        const i = await fake.slashCommand(user, [{ name: 'error', type: 3, value: MATCHED_TEXT }], undefined, where);
        const [edit] = await fake.waitForRequests(ORIGINAL(i.token), 1, 20_000);
        const others = JSON.stringify(bodyOf(edit).components).match(/"(bd:others:[^"]+)"/)?.[1];
        expect(others).toBeDefined();

        // The shard process that answered dies; the manager starts a new one, with nothing in memory.
        const before = shardsOf(await bot.readiness!())[1]!.pid!;
        process.kill(before, 'SIGKILL');
        await until(async () => {
          const r = await bot!.readiness!();
          return r.ready && shardsOf(r)[1]!.pid !== before;
        });
        const message = { ...(edit!.body as Record<string, unknown>), id: '1', channel_id: where.channelId };
        const click = await fake.clickButton(user, others!, message as never, where);
        const [shown] = await fake
          .waitForRequests(FOLLOWUP(click.token), 1, 20_000)
          .catch(async () => fake!.waitForRequests(ORIGINAL(click.token), 1, 5000));
        expect(JSON.stringify(bodyOf(shown))).not.toContain('too old');
        expect(JSON.stringify(bodyOf(shown).embeds ?? [])).toMatch(/slack-test|Test rule/);
      } finally {
        await bot?.stop();
        bot = undefined;
        await place.cleanup();
      }
    },
    90_000,
  );
});
