// The Discord surface: `startDiscord(env)` validates DISCORD_* and returns a running bot's handle.

import pino from 'pino';
import { type DiscordConfig, parseDiscordConfig } from '../config/discord.js';
import { parseStorageConfig } from '../config/storage.js';
import { AuthRejectedError, ConfigError } from '../errors.js';
import { acquireSharedLearningLoop, autoReloadSharedRules, type SurfaceHandle, sharedRuleStore } from '../index.js';
import { type BotOptions, createDiscordBot } from './bot.js';
import { clientReadiness } from './readiness.js';
import { type ShardManagerOptions, startShardManager } from './shards.js';

/** Sharded runs only: where the children come from and how fast they start (tests go faster). */
export interface DiscordStartOptions extends BotOptions {
  sharding?: Omit<ShardManagerOptions, 'logger'>;
}

/**
 * With DATABASE_URL (replicas, or shard processes) the answers behind buttons and the delivery ledger live in the
 * database, so a click or a replayed interaction is handled right whichever process gets it.
 */
export async function storageFor(
  env: NodeJS.ProcessEnv,
  options: BotOptions,
): Promise<{ options: Pick<BotOptions, 'answers' | 'deliveries'>; release: () => Promise<void> }> {
  if (!parseStorageConfig(env).databaseUrl || (options.answers && options.deliveries))
    return { options: {}, release: async () => {} };
  const shared = await acquireSharedLearningLoop(env);
  return {
    options: { answers: shared.loop.answers, deliveries: shared.loop.scale.deliveries },
    release: shared.release,
  };
}

/** `config` is parsed from `env` unless `npm start` already validated it with the other surfaces'. */
export async function startDiscord(
  env: NodeJS.ProcessEnv,
  options: DiscordStartOptions = {},
  config = parseDiscordConfig(env),
): Promise<SurfaceHandle> {
  if (config.shards !== undefined) return startSharded(env, options, config);
  // The shared store: every surface of one process answers from the same rules, and SIGHUP reloads them.
  const shared = options.rules === undefined;
  const storage = await storageFor(env, options);
  const bot = createDiscordBot(config, {
    ...storage.options,
    ...options,
    rules: options.rules ?? sharedRuleStore(env),
  });
  const releaseRules = shared ? autoReloadSharedRules(env) : () => {};
  const release = () => {
    releaseRules();
    void storage.release();
  };
  try {
    await bot.start();
  } catch (err) {
    release();
    await bot.stop();
    const e = err as { code?: string; message?: string };
    if (e.code === 'TokenInvalid')
      throw new AuthRejectedError('DISCORD_TOKEN: Discord rejected the token; reset it in the Developer Portal → Bot');
    if (/disallowed intents/i.test(e.message ?? ''))
      throw new ConfigError(
        'DISCORD_WATCH_CHANNELS: watching channels needs the Message Content intent; enable it in the Developer Portal → Bot → Privileged Gateway Intents, or leave DISCORD_WATCH_CHANNELS empty',
        ['DISCORD_WATCH_CHANNELS'],
      );
    throw err;
  }
  return {
    name: 'discord',
    readiness: async () => clientReadiness(bot.client),
    stop: async () => {
      release();
      await bot.stop();
    },
  };
}

async function startSharded(
  env: NodeJS.ProcessEnv,
  options: DiscordStartOptions,
  config: DiscordConfig,
): Promise<SurfaceHandle> {
  const logger = options.logger ?? pino({ level: config.logLevel, base: { surface: 'discord' } });
  let handle: Awaited<ReturnType<typeof startShardManager>>;
  try {
    handle = await startShardManager(env, config, { ...options.sharding, logger });
  } catch (err) {
    const e = err as { code?: string; status?: number; message?: string };
    if (e.code === 'TokenInvalid' || e.status === 401)
      throw new AuthRejectedError('DISCORD_TOKEN: Discord rejected the token; reset it in the Developer Portal → Bot');
    throw err;
  }
  logger.info({ event: 'ready', totalShards: handle.totalShards }, 'discord shards connected');
  return { name: 'discord', readiness: () => handle.readiness(), stop: () => handle.stop() };
}
