// pino for the bot's own log lines, and an adapter so Bolt and its clients log through the same pino.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { DestinationStream, Logger } from 'pino';
import { LOG_LEVELS, readLogLevel } from '../config/env.js';
import { ConfigError } from '../errors.js';
import { createLog } from '../log/logger.js';

export function createSlackLogger(env: NodeJS.ProcessEnv, destination?: DestinationStream): Logger {
  const { raw, level } = readLogLevel(env);
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`, ['LOG_LEVEL']);
  return createLog({ surface: 'slack', level, destination });
}

/**
 * Bolt's Logger interface on top of pino. Bolt is capped at info: at debug the Socket Mode client logs every
 * raw payload, which holds the pasted text — and pasted text can hold API keys.
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  let level = LogLevel.INFO;
  const line = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
  return {
    debug: () => {},
    info: (...msg) => child.info(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    error: (...msg) => child.error(line(msg)),
    setLevel: (l) => {
      level = l === LogLevel.DEBUG ? LogLevel.INFO : l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
