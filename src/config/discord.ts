// DISCORD_* environment -> typed, validated config. A missing or malformed variable stops start-up, named.

import { ConfigError } from '../errors.js';
import { LOG_LEVELS, readLogLevel } from './env.js';
import { parseEscalationChannels } from './escalation.js';

export interface DiscordConfig {
  token: string;
  /** REST base (e.g. http://127.0.0.1:8081/api); undefined means discord.com. */
  apiUrl: string | undefined;
  /** Channel ids watched passively; empty means no passive watching (and no Message Content intent). */
  watchChannels: ReadonlySet<string>;
  /** Forum (or media) channel ids whose new posts the bot answers and tags; empty means none. */
  forumChannels: ReadonlySet<string>;
  /** ESCALATION_CHANNEL's Discord id: where "Escalate" posts the handoff packet, with "I'll take this". */
  escalationChannel: string | undefined;
  logLevel: string;
  /**
   * DISCORD_SHARDS: undefined runs one client in this process (the default); `'auto'` or a count runs discord.js's
   * ShardingManager, one child process per shard (`'auto'` takes the count Discord recommends).
   */
  shards: 'auto' | number | undefined;
}

class DiscordConfigError extends ConfigError {
  override name = 'DiscordConfigError';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`, [variable]);
  }
}

const SNOWFLAKE = /^\d{17,20}$/;

export function isSnowflake(s: string): boolean {
  return SNOWFLAKE.test(s);
}

function parseToken(raw: string | undefined): string {
  const token = raw?.trim();
  if (!token)
    throw new DiscordConfigError('DISCORD_TOKEN', 'is not set; copy the bot token from the Developer Portal → Bot');
  if (/\s/.test(token) || token.toLowerCase().startsWith('bot '))
    throw new DiscordConfigError('DISCORD_TOKEN', 'must be the bare token (no "Bot " prefix, no spaces)');
  // A bot token is three dot-separated base64url parts (<id>.<timestamp>.<hmac>); anything else is a paste slip
  // (a client secret, a public key, a user id) that Discord would only reject after a network round trip.
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token))
    throw new DiscordConfigError(
      'DISCORD_TOKEN',
      'does not look like a bot token (three dot-separated parts, from Developer Portal → Bot → Reset Token); the client secret or public key will not work',
    );
  return token;
}

function parseApiUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DiscordConfigError('DISCORD_API_URL', `"${value}" is not a URL; use e.g. http://127.0.0.1:8081/api`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new DiscordConfigError('DISCORD_API_URL', `must be http(s), got ${url.protocol}`);
  if (/\/v\d+\/?$/.test(url.pathname))
    throw new DiscordConfigError(
      'DISCORD_API_URL',
      'must not end in a version (/v10 is added by the client); end it in /api',
    );
  let end = value.length;
  while (value[end - 1] === '/') end--; // a loop, not /\/+$/: that regex backtracks on long runs of '/'
  return value.slice(0, end);
}

function parseChannels(variable: string, raw: string | undefined): Set<string> {
  const ids = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.filter((id) => !isSnowflake(id));
  if (bad.length)
    throw new DiscordConfigError(
      variable,
      `${bad.map((b) => `"${b}"`).join(', ')} is not a channel id; give comma-separated numeric ids (Developer Mode → Copy Channel ID)`,
    );
  return new Set(ids);
}

/** Discord wants a shard per 2,500 guilds at most; beyond a few hundred shards, use several managers (hosts). */
const MAX_SHARDS = 256;

function parseShards(raw: string | undefined): DiscordConfig['shards'] {
  const value = raw?.trim().toLowerCase();
  if (!value) return undefined;
  if (value === 'auto') return 'auto';
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_SHARDS)
    throw new DiscordConfigError(
      'DISCORD_SHARDS',
      `"${raw}" is not a shard count; use auto (Discord's recommendation) or a whole number from 1 to ${MAX_SHARDS}, or leave it empty for one process`,
    );
  return Number(value);
}

export function parseDiscordConfig(env: NodeJS.ProcessEnv): DiscordConfig {
  const { raw, level: logLevel } = readLogLevel(env);
  if (!logLevel) throw new DiscordConfigError('LOG_LEVEL', `"${raw}" is not one of ${LOG_LEVELS.join(', ')}`);
  const escalation = parseEscalationChannels(env);
  if (escalation.problems.length) throw new ConfigError(escalation.problems.join('; '), ['ESCALATION_CHANNEL']);
  return {
    token: parseToken(env.DISCORD_TOKEN),
    apiUrl: parseApiUrl(env.DISCORD_API_URL),
    watchChannels: parseChannels('DISCORD_WATCH_CHANNELS', env.DISCORD_WATCH_CHANNELS),
    forumChannels: parseChannels('DISCORD_FORUM_CHANNELS', env.DISCORD_FORUM_CHANNELS),
    escalationChannel: escalation.discord,
    logLevel,
    shards: parseShards(env.DISCORD_SHARDS),
  };
}
