// `/diagnose <error>` → the diagnosis visible only to the caller, with a button to share it in the channel.

import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderSlackMessages, renderSlackNotice } from '../../../index.js';
import { diagnoseSources, keepAnswer, logAnswer } from '../../answer.js';
import type { SlackDeps } from '../../deps.js';
import { respondAll } from '../../respond.js';
import { withinLimit } from '../limit.js';

export const DIAGNOSE_COMMAND = '/diagnose';

const DIAGNOSE_USAGE =
  'Usage: `/diagnose <paste the error>` — the status line, JSON body or traceback from Model Studio (DashScope / Qwen API). ' +
  'For a message already in the channel, use its ⋯ menu → "Diagnose this error". ' +
  '`/diagnose check` checks your setup (base URL, model, key prefix) before you send anything.';

/** The /diagnose handler: testable with a fake `ack`/`respond`, wired by registerDiagnoseCommand. */
export async function handleDiagnoseCommand(
  deps: SlackDeps,
  { command, ack, respond, client, context }: AllMiddlewareArgs & SlackCommandMiddlewareArgs,
): Promise<void> {
  await ack();
  const tell = (text: string) => respondAll(deps, respond, [renderSlackNotice(text)]);
  if (!command.text.trim()) return void (await tell(DIAGNOSE_USAGE));
  if (!(await withinLimit(deps, command.user_id, tell))) return;
  // The command text is seen only by the bot, so the warning can sit in the (private) answer itself.
  const { result } = await diagnoseSources([{ text: command.text }], client, deps, context.botUserId);
  const answerId = await keepAnswer(deps, result);
  await respondAll(deps, respond, renderSlackMessages(result, { answerId, shareButton: true, secretWarning: true }));
  logAnswer(deps, 'slash', result, { channel: command.channel_id, user: command.user_id });
}

export function registerDiagnoseCommand(app: App, deps: SlackDeps): void {
  app.command(DIAGNOSE_COMMAND, (args) => handleDiagnoseCommand(deps, args));
}
