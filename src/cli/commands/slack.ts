// `bailian-doctor slack` — the Slack bot alone, in the foreground until SIGTERM/SIGINT. Configuration comes
// from the SLACK_* variables and `.env`, exactly as for `npm start`.
import { UsageError } from '../../errors.js';
import { type SlackHandle, type SlackOptions, startSlack } from '../../slack/start.js';
import type { CliContext } from '../context.js';
import { exitStatusOf } from '../exit-codes.js';
import { noticeLog } from '../notice.js';
import { untilSignal } from '../until-signal.js';

/** Start the bot, say where it runs, stop it when `until` settles. */
export async function runSlack(
  ctx: CliContext,
  until: () => Promise<string> = untilSignal,
  options: SlackOptions = {},
): Promise<number> {
  if (ctx.args.length)
    throw new UsageError('slack takes no arguments; configure it with the SLACK_* variables (see .env.example)');
  let handle: SlackHandle;
  try {
    handle = await startSlack(ctx.env, options);
  } catch (err) {
    ctx.stderr(`bailian-doctor slack: ${(err as Error).message}\n`);
    // A bad variable or a rejected token is the operator's to fix (2); anything else is a failure (1).
    return exitStatusOf(err) ?? 1;
  }
  const where =
    handle.mode === 'socket'
      ? 'Socket Mode (no public URL needed)'
      : `HTTP mode on http://${handle.address?.host}:${handle.address?.port}/slack/events`;
  const notice = noticeLog(ctx);
  notice.info({ mode: handle.mode }, `Slack bot running in ${where}; Ctrl-C stops it`);
  const signal = await until();
  notice.info({ signal }, 'finishing answers in progress');
  await handle.stop();
  return 0;
}

export const slackCommand = (ctx: CliContext): Promise<number> => runSlack(ctx);
