// Environment -> validated HTTP config, once at start-up. A bad value stops start-up with a message that
// names the variable and says what it accepts.

import { ConfigError } from '../errors.js';
import { LOG_LEVELS, type LogLevel, readLogLevel, readVar } from './env.js';
import { rulesWatch } from './rules.js';

export { ConfigError };

export interface HttpConfig {
  host: string;
  port: number;
  /** Accepted bearer tokens; empty = the API is open. */
  apiTokens: string[];
  bodyLimit: number;
  /** Requests per minute per client; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  logLevel: LogLevel;
  rulesWatch: boolean;
  /**
   * Which proxies' `X-Forwarded-For` to believe, so rate limits and logs see the real client: `false` (default: the
   * socket peer is the client), a hop count, or a list of proxy addresses / CIDRs.
   */
  trustProxy: false | number | string[];
  /**
   * REDIS_URL: where replicas share the per-client rate limit (`redis://[:password@]host:port[/db]`). Unset, each
   * process counts on its own (or in the database when DATABASE_URL is set).
   */
  redisUrl?: string;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  bodyLimit: 65_536,
  rateLimitPerMinute: 120,
  logLevel: 'info',
} as const;

/** Tokens shorter than this are refused: a guessable token is no protection. */
const MIN_TOKEN_LENGTH = 16;
const MAX_BODY_LIMIT = 16 * 1024 * 1024;

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = readVar(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
}

function parseTrustProxy(env: NodeJS.ProcessEnv): HttpConfig['trustProxy'] {
  const raw = readVar(env, 'TRUST_PROXY');
  if (raw === undefined || /^(0|false|no|off)$/i.test(raw)) return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  // `true` would let any client forge its address and escape its rate limit: name the proxies instead.
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!list.every((a) => /^[0-9a-fA-F.:]+(?:\/\d{1,3})?$/.test(a)))
    throw new ConfigError(
      `TRUST_PROXY must be a hop count (e.g. 1) or a comma-separated list of proxy addresses or CIDRs (e.g. 10.0.0.0/8,127.0.0.1), got "${raw}"`,
    );
  return list;
}

function parseRedisUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = readVar(env, 'REDIS_URL');
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  // The value may hold a password: the message never repeats it.
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname)
    throw new ConfigError('REDIS_URL must look like redis://host:6379 or rediss://:password@host:6380/0', [
      'REDIS_URL',
    ]);
  return raw;
}

export function parseHttpConfig(env: NodeJS.ProcessEnv): HttpConfig {
  const host = readVar(env, 'HOST') ?? DEFAULTS.host;
  if (/\s|\/|^:\d+$/.test(host))
    throw new ConfigError(`HOST must be an interface address or name such as 127.0.0.1 or 0.0.0.0, got "${host}"`);
  const port = wholeNumber(env, 'PORT', DEFAULTS.port, 0, 65_535);
  const bodyLimit = wholeNumber(env, 'BODY_LIMIT', DEFAULTS.bodyLimit, 1024, MAX_BODY_LIMIT);
  const rateLimitPerMinute = wholeNumber(env, 'RATE_LIMIT_PER_MINUTE', DEFAULTS.rateLimitPerMinute, 0, 1_000_000);
  const { raw: rawLevel, level: logLevel } = readLogLevel(env);
  if (!logLevel)
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${rawLevel.toLowerCase()}"`, [
      'LOG_LEVEL',
    ]);
  const apiTokens = (readVar(env, 'API_TOKENS') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  // Say which entry is short by position, never by value: the value is a secret.
  const short = apiTokens.findIndex((t) => t.length < MIN_TOKEN_LENGTH || /\s/.test(t));
  if (short >= 0)
    throw new ConfigError(
      `API_TOKENS entry ${short + 1} is shorter than ${MIN_TOKEN_LENGTH} characters or contains spaces; ` +
        'use long random tokens, e.g. `openssl rand -hex 32`',
    );
  return {
    host,
    port,
    apiTokens,
    bodyLimit,
    rateLimitPerMinute,
    logLevel,
    rulesWatch: rulesWatch(env),
    trustProxy: parseTrustProxy(env),
    redisUrl: parseRedisUrl(env),
  };
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::ffff:127.0.0.1';
}

/** The start-up warning for an API other machines can reach without a token, or undefined. */
export function exposureWarning(config: Pick<HttpConfig, 'host' | 'apiTokens'>): string | undefined {
  if (isLoopback(config.host) || config.apiTokens.length > 0) return undefined;
  return `HOST=${config.host} makes the API reachable from other machines, and API_TOKENS is empty so anyone can use it: set API_TOKENS, or HOST=127.0.0.1`;
}
