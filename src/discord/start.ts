// The Discord surface: `startDiscord(env)` validates DISCORD_* and returns a running bot's handle.

import pino from 'pino';
import { type DiscordConfig, parseDiscordConfig } from '../config/discord.js';
import {
  acquireSharedLearningLoop,
  autoReloadSharedRules,
  type SurfaceHandle,
  scheduleDigest,
  sharedRuleStore,
} from '../index.js';
import { type BotOptions, createDiscordBot } from './bot.js';
import { explainDiscordError } from './errors.js';
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
  // The storage every surface of the process shares, unless the caller hands in its own (or its own answers).
  const loop =
    options.learning === undefined && options.answers === undefined ? await acquireSharedLearningLoop(env) : undefined;
  const bot = createDiscordBot(config, {
    ...options,
    learning: options.learning ?? loop?.loop,
    rules: options.rules ?? sharedRuleStore(env),
  });
  const releaseRules = shared ? autoReloadSharedRules(env) : () => {};
  const release = () => {
    releaseRules();
    void loop?.release();
  };
  try {
    await bot.start();
  } catch (err) {
    release();
    await bot.stop();
    throw explainDiscordError(err, config);
  }
  // DIGEST_CHANNEL=discord:<channel id>: the weekly digest goes there (one replica posts it).
  const learning = options.learning ?? loop?.loop;
  const digest = learning?.config.digest?.surface === 'discord' ? learning.config.digest.channel : undefined;
  const stopDigest =
    learning && digest
      ? scheduleDigest(learning, {
          log: { info: () => {}, warn: (obj, msg) => process.stderr.write(`${JSON.stringify({ ...obj, msg })}\n`) },
          post: async (text) => {
            const channel = await bot.client.channels.fetch(digest);
            if (!channel?.isSendable())
              throw new Error(`DIGEST_CHANNEL ${digest} is not a channel the bot can post in`);
            await channel.send({ content: text.slice(0, 2000), allowedMentions: { parse: [] } });
          },
        })
      : () => {};
  return {
    name: 'discord',
    readiness: async () => clientReadiness(bot.client),
    stop: async () => {
      stopDigest();
      releaseRules();
      await bot.stop();
      await loop?.release();
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
    throw explainDiscordError(err, config);
  }
  logger.info({ event: 'ready', totalShards: handle.totalShards }, 'discord shards connected');
  return { name: 'discord', readiness: () => handle.readiness(), stop: () => handle.stop() };
}
