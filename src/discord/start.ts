// The Discord surface: `startDiscord(env)` validates DISCORD_* and returns a running bot's handle.

import { parseDiscordConfig } from '../config/discord.js';
import { AuthRejectedError, ConfigError } from '../errors.js';
import { autoReloadSharedRules, type SurfaceHandle, sharedRuleStore } from '../index.js';
import { type BotOptions, createDiscordBot } from './bot.js';

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
    const e = err as { code?: string; message?: string };
    if (e.code === 'TokenInvalid')
      throw new AuthRejectedError('DISCORD_TOKEN: Discord rejected the token; reset it in the Developer Portal → Bot');
    if (/disallowed intents/i.test(e.message ?? '')) {
      // Name the variables that asked for the intent.
      const vars = [
        ...(config.watchChannels.size ? ['DISCORD_WATCH_CHANNELS'] : []),
        ...(config.forumChannels.size ? ['DISCORD_FORUM_CHANNELS'] : []),
      ];
      throw new ConfigError(
        `${vars.join(', ')}: watching channels and answering forum posts need the Message Content intent; enable it in the Developer Portal → Bot → Privileged Gateway Intents, or leave ${vars.join(' and ')} empty`,
        vars,
      );
    }
    throw err;
  }
  return {
    name: 'discord',
    stop: async () => {
      release();
      await bot.stop();
    },
  };
}
