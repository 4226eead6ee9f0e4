// The Discord surface: `startDiscord(env)` validates DISCORD_* and returns a running bot's handle.

import { parseDiscordConfig } from '../config/discord.js';
import { autoReloadSharedRules, type SurfaceHandle, sharedRuleStore } from '../index.js';
import { type BotOptions, createDiscordBot } from './bot.js';
import { explainDiscordError } from './errors.js';

/** `config` is parsed from `env` unless `npm start` already validated it with the other surfaces'. */
export async function startDiscord(
  env: NodeJS.ProcessEnv,
  options: BotOptions = {},
  config = parseDiscordConfig(env),
): Promise<SurfaceHandle> {
  // The shared store: every surface of one process answers from the same rules, and SIGHUP reloads them.
  const shared = options.rules === undefined;
  const bot = createDiscordBot(config, { ...options, rules: options.rules ?? sharedRuleStore(env) });
  const release = shared ? autoReloadSharedRules(env) : () => {};
  try {
    await bot.start();
  } catch (err) {
    release();
    await bot.stop();
    throw explainDiscordError(err, config);
  }
  return {
    name: 'discord',
    stop: async () => {
      release();
      await bot.stop();
    },
  };
}
