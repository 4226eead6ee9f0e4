// What a foreground command (serve, slack, discord) says while it runs — where it listens, that a signal arrived —
// in the one log format: readable lines for a person at a terminal, JSON lines when the output is a pipe or a
// service manager's log, like every surface's own lines.
import type { Logger } from 'pino';
import { parseLogFormat } from '../config/env.js';
import { createLog } from '../log/logger.js';
import type { CliContext } from './context.js';

export function noticeLog(ctx: CliContext): Logger {
  let format: ReturnType<typeof parseLogFormat>;
  try {
    format = parseLogFormat(ctx.env);
  } catch {
    format = 'auto'; // the surface's own config check names LOG_FORMAT
  }
  const destination = { write: (line: string) => ctx.stderr(line), isTTY: ctx.isTTY };
  return createLog({ surface: 'main', level: 'info', destination, format });
}
