// Everything `npm start` will run, validated together before any surface listens: the HTTP API always, Slack
// when SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (OAuth, many) is set, Discord when DISCORD_TOKEN is set. Every problem is reported at once.
import { ConfigError } from '../errors.js';
import { type DiscordConfig, parseDiscordConfig } from './discord.js';
import { type HttpConfig, parseHttpConfig } from './http.js';
import { rulesWatch } from './rules.js';
import { parseSlackConfig, type SlackConfig } from './slack.js';
import { parseStorageConfig } from './storage.js';

export interface StartConfig {
  http: HttpConfig;
  slack?: SlackConfig;
  discord?: DiscordConfig;
  /** Half-configured bots that will not start, each naming what is set and what is missing. */
  warnings: string[];
}

/** A bot's variables that mean "I want this bot" (defaults copied from .env.example, like SLACK_PORT, do not). */
const INTENT_VARS = {
  SLACK_BOT_TOKEN: ['SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_WATCH_CHANNELS'],
  DISCORD_TOKEN: ['DISCORD_WATCH_CHANNELS', 'DISCORD_API_URL'],
} as const;

/** Warnings for a bot configured without its token: it is skipped, and saying nothing would look like a bug. */
export function halfConfigured(env: NodeJS.ProcessEnv): string[] {
  const warnings: string[] = [];
  for (const [token, vars] of Object.entries(INTENT_VARS)) {
    if (env[token]?.trim()) continue;
    const set = vars.filter((v) => env[v]?.trim());
    if (!set.length) continue;
    const bot = token.startsWith('SLACK') ? 'Slack' : 'Discord';
    warnings.push(
      `${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set but ${token} is empty, so the ${bot} bot is not started; ` +
        `set ${token} to start it, or clear ${set.join(' and ')}`,
    );
  }
  return warnings;
}

export function parseStartConfig(env: NodeJS.ProcessEnv): StartConfig {
  const problems: string[] = [];
  const variables: string[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(err.message);
      variables.push(...err.variables);
      return undefined;
    }
  };
  const http = attempt(() => parseHttpConfig(env));
  attempt(() => rulesWatch(env));
  attempt(() => parseStorageConfig(env));
  const slack = env.SLACK_BOT_TOKEN || env.SLACK_CLIENT_ID ? attempt(() => parseSlackConfig(env)) : undefined;
  const discord = env.DISCORD_TOKEN ? attempt(() => parseDiscordConfig(env)) : undefined;
  if (problems.length || !http) throw new ConfigError([...new Set(problems)].join('\n'), [...new Set(variables)]);
  return { http, slack, discord, warnings: halfConfigured(env) };
}
