// pino for the bot's own log lines, and an adapter so Bolt and its clients log through the same pino.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import pino, { type DestinationStream, type Logger } from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function createSlackLogger(level: string | undefined, destination?: DestinationStream): Logger {
  const lvl = level?.trim() || 'info';
  if (!LEVELS.includes(lvl)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${lvl}"`);
  return pino({ level: lvl, base: { surface: 'slack' } }, destination);
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
