// The HTTP API's logger: the shared format (src/log/), surface "http". Two layers keep secrets out: nothing logs
// request bodies or headers, and every line passes through redact() on its way out.
import type { Logger } from 'pino';
import type { LogLevel } from '../config/env.js';
import { createLog, type LineSink } from '../log/logger.js';

export type { LineSink };

export function createLogger(level: LogLevel, dest?: LineSink): Logger {
  return createLog({ surface: 'http', level, destination: dest });
}
