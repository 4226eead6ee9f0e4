// DISCORD_SHARDS=auto|N: discord.js's own ShardingManager runs one child process per shard, each a complete bot
// (shard-main.ts) holding the gateway sockets of its shards. Discord routes every guild's events, commands and
// button clicks to the shard that owns the guild, so each child answers its guilds; what must outlive a child or
// be seen by several (answers behind buttons, dedupe) goes to the database when DATABASE_URL is set.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REST, Routes, type Shard, ShardingManager } from 'discord.js';
import type { Logger } from 'pino';
import type { DiscordConfig } from '../config/discord.js';
import type { SurfaceReadiness } from '../index.js';
import type { ShardState } from './readiness.js';

/** A child gets this long to log in (READY for all its guilds) before the manager gives up on it. */
const SPAWN_TIMEOUT_MS = 60_000;
/** How long a readiness probe waits for a child to report its sockets. */
const PROBE_TIMEOUT_MS = 2000;

/** What discord.js puts in a child's environment to make it a shard. */
const DISCORD_JS_KEYS = ['SHARDING_MANAGER', 'SHARDING_MANAGER_MODE', 'SHARDS', 'SHARD_COUNT', 'DISCORD_TOKEN'];

export interface ShardManagerOptions {
  /** The child entry point (default: shard-main.js next to this file, i.e. in dist/). */
  file?: string;
  /** Pause between starting two shards. Discord allows one IDENTIFY per 5 s per bucket; tests go faster. */
  spawnDelayMs?: number;
  logger: Logger;
}

export interface ShardManagerHandle {
  manager: ShardingManager;
  totalShards: number;
  readiness(): Promise<SurfaceReadiness>;
  stop(): Promise<void>;
}

/**
 * Discord's recommended count, asked at DISCORD_API_URL (discord.js's own helper always asks discord.com, which a
 * REST proxy setup may not reach).
 */
async function recommendedShards(config: DiscordConfig): Promise<number> {
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  const body = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, Number(body.shards) || 1);
}

function defaultFile(): string {
  const file = fileURLToPath(new URL('./shard-main.js', import.meta.url));
  if (!existsSync(file))
    throw new Error(
      `DISCORD_SHARDS needs the compiled bot (${file} is missing); run \`npm run build\` and start from dist/`,
    );
  return file;
}

/** One child's sockets, or why it could not say. */
async function probe(
  shard: Shard,
): Promise<{ id: number; ready: boolean; pid?: number; sockets?: ShardState[]; error?: string }> {
  const pid = shard.process?.pid;
  if (!shard.ready) return { id: shard.id, ready: false, pid };
  try {
    const sockets = (await Promise.race([
      shard.eval((client) => [...client.ws.shards.values()].map((s) => ({ id: s.id, status: s.status, ping: s.ping }))),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), PROBE_TIMEOUT_MS).unref()),
    ])) as Array<{ id: number; status: number; ping: number }>;
    // Status 0 is Ready in discord.js's Status enum.
    const named = sockets.map((s) => ({
      id: s.id,
      status: s.status === 0 ? 'Ready' : `status ${s.status}`,
      ping: s.ping,
    }));
    return { id: shard.id, ready: named.every((s) => s.status === 'Ready'), pid, sockets: named };
  } catch (err) {
    return { id: shard.id, ready: false, pid, error: (err as Error).message };
  }
}

export async function startShardManager(
  env: NodeJS.ProcessEnv,
  config: DiscordConfig,
  options: ShardManagerOptions,
): Promise<ShardManagerHandle> {
  const log = options.logger;
  const totalShards =
    config.shards === 'auto' || config.shards === undefined ? await recommendedShards(config) : config.shards;
  const manager = new ShardingManager(options.file ?? defaultFile(), {
    token: config.token,
    totalShards,
    mode: 'process',
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    // Each child reads the same DISCORD_* / DATABASE_URL / RULES_* as this process; discord.js adds SHARDS and
    // SHARD_COUNT. DISCORD_SHARDS is dropped so a child runs one client instead of another manager.
    const given = shard.env as NodeJS.ProcessEnv;
    const own = Object.fromEntries(DISCORD_JS_KEYS.map((k) => [k, given[k]]));
    shard.env = { ...env, DISCORD_SHARDS: '', ...own };
    shard.on('death', () => log.warn({ event: 'shard_died', shard: shard.id }, 'shard process exited; respawning'));
    shard.on('disconnect', () => log.warn({ event: 'shard_disconnected', shard: shard.id }));
    shard.on('reconnecting', () => log.info({ event: 'shard_reconnecting', shard: shard.id }));
    shard.on('ready', () => log.info({ event: 'shard_ready', shard: shard.id, totalShards }, 'shard ready'));
  });
  log.info({ event: 'sharding', totalShards, requested: config.shards }, 'starting shard processes');
  try {
    await manager.spawn({ amount: totalShards, delay: options.spawnDelayMs ?? 5500, timeout: SPAWN_TIMEOUT_MS });
  } catch (err) {
    for (const shard of manager.shards.values()) shard.kill();
    throw err;
  }
  let stopped = false;
  return {
    manager,
    totalShards,
    async readiness() {
      const shards = await Promise.all([...manager.shards.values()].map(probe));
      const ready = !stopped && shards.length === totalShards && shards.every((s) => s.ready);
      return { ready, detail: { mode: 'sharded', totalShards, shards } };
    },
    async stop() {
      stopped = true;
      // respawn off first, or the manager restarts each child as it is stopped.
      manager.respawn = false;
      await Promise.all(
        [...manager.shards.values()].map(async (shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return;
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
          if (child.exitCode === null) child.kill('SIGKILL');
        }),
      );
    },
  };
}
