// The process environment, read in one place: `.env` loading, the "empty means unset" reader every config
// parser uses, and the variables more than one surface reads (LOG_LEVEL, LOG_FORMAT, on/off switches).
import { existsSync } from 'node:fs';
import { ConfigError } from '../errors.js';

let loaded = false;

/** Load `.env` from the working directory once, without overriding variables already set. */
export function loadDotEnv(path = '.env'): void {
  if (loaded) return;
  loaded = true;
  if (existsSync(path)) process.loadEnvFile(path);
}

/** A variable's trimmed value; `.env` files leave unused variables empty, so empty means unset. */
export function readVar(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL (any case; default info), or undefined when it is not a level. Each surface words the refusal. */
export function readLogLevel(env: NodeJS.ProcessEnv): { raw: string; level: LogLevel | undefined } {
  const raw = readVar(env, 'LOG_LEVEL') ?? 'info';
  const lower = raw.toLowerCase();
  return { raw, level: (LOG_LEVELS as readonly string[]).includes(lower) ? (lower as LogLevel) : undefined };
}

const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** LOG_FORMAT: json lines always, readable lines always, or (auto, the default) readable only on a terminal. */
export function parseLogFormat(env: NodeJS.ProcessEnv): LogFormat {
  const raw = readVar(env, 'LOG_FORMAT') ?? 'auto';
  const lower = raw.toLowerCase();
  if (!(LOG_FORMATS as readonly string[]).includes(lower))
    throw new ConfigError(`LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}, got "${raw}"`, ['LOG_FORMAT']);
  return lower as LogFormat;
}

const ON = /^(1|true|yes|on)$/i;
const SWITCH = /^(0|1|true|false|yes|no|on|off)$/i;

/** An on/off variable: true, false, or undefined when it is neither (the caller refuses it). */
export function readSwitch(env: NodeJS.ProcessEnv, name: string, fallback = false): boolean | undefined {
  const raw = readVar(env, name);
  if (raw === undefined) return fallback;
  return SWITCH.test(raw) ? ON.test(raw) : undefined;
}
