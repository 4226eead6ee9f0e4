// One log format for every surface and `npm start` itself: pino JSON lines with an ISO `time`, the `surface` that
// wrote them (http, slack, discord, main) and the running `version`; every line redacted on its way out. A person
// at a terminal gets the same lines made readable (LOG_FORMAT=auto); a pipe, a file or a container log always gets
// JSON, so one parser reads every line.
import { type DestinationStream, type Logger, pino } from 'pino';
import { type LogFormat, type LogLevel, parseLogFormat } from '../config/env.js';
import { redact } from '../text/redact.js';
import { VERSION } from '../version.js';
import { prettyLine } from './pretty.js';

type LogSurface = 'http' | 'slack' | 'discord' | 'main';

export interface LineSink {
  write(line: string): unknown;
}

export interface LogOptions {
  surface: LogSurface;
  level: LogLevel;
  /** Where lines go; default stdout. */
  destination?: LineSink | DestinationStream;
  /** LOG_FORMAT, already parsed; default: from process.env. */
  format?: LogFormat;
}

/** Every line passes through redact() before it is written: a key in an error message is still caught. */
function sink(dest: LineSink, pretty: boolean): LineSink {
  const shape = pretty ? prettyLine : (line: string) => line;
  return { write: (line: string) => dest.write(shape(redact(line).text)) };
}

export function createLog({ surface, level, destination, format }: LogOptions): Logger {
  const chosen = format ?? parseLogFormat(process.env);
  const target = destination ?? process.stdout;
  // Readable lines only for a terminal; a test's sink, a pipe, a file or a container log gets JSON.
  const pretty = chosen === 'pretty' || (chosen === 'auto' && (target as { isTTY?: boolean }).isTTY === true);
  return pino(
    {
      level,
      base: { surface, version: VERSION },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: these paths never hold anything the log needs.
      redact: { paths: ['req.headers.authorization', 'headers.authorization', 'body', 'req.body'], remove: true },
    },
    sink(target as LineSink, pretty),
  );
}
