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
  return { http, slack, discord };
}
