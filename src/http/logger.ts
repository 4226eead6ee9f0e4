// Structured JSON logs (pino). Two layers keep secrets out: nothing logs request bodies or headers, and every
// line passes through redact() on its way out, so a key that slips into an error message is still caught.

import { type Logger, pino } from 'pino';
import type { LogLevel } from '../config/env.js';
import { redact } from '../index.js';

export interface LineSink {
  write(line: string): unknown;
}

/** Wrap a destination so every log line is redacted before it is written. */
function redactingSink(dest: LineSink): LineSink {
  return { write: (line: string) => dest.write(redact(line).text) };
}

export function createLogger(level: LogLevel, dest: LineSink = process.stdout): Logger {
  return pino(
    {
      level,
      base: { service: 'bailian-doctor-http' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: these paths never hold anything the log needs.
      redact: { paths: ['req.headers.authorization', 'headers.authorization', 'body', 'req.body'], remove: true },
    },
    redactingSink(dest),
  );
}
