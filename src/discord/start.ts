// The Discord surface: `startDiscord(env)` validates DISCORD_* and returns a running bot's handle.

import pino from 'pino';
import { type DiscordConfig, parseDiscordConfig } from '../config/discord.js';
import { AuthRejectedError, ConfigError } from '../errors.js';
import { autoReloadSharedRules, type SurfaceHandle, sharedRuleStore } from '../index.js';
import { type BotOptions, createDiscordBot } from './bot.js';
import { clientReadiness } from './readiness.js';
import { type ShardManagerOptions, startShardManager } from './shards.js';

/** Sharded runs only: where the children come from and how fast they start (tests go faster). */
export interface DiscordStartOptions extends BotOptions {
  sharding?: Omit<ShardManagerOptions, 'logger'>;
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
  const bot = createDiscordBot(config, { ...options, rules: options.rules ?? sharedRuleStore(env) });
  const release = shared ? autoReloadSharedRules(env) : () => {};
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
