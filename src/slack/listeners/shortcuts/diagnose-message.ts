// Message shortcut "Diagnose this error" (callback id `diagnose_message`) → the diagnosis in that message's
// thread. When the bot is not in the channel, the caller gets the answer privately instead.

import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { onMessage } from '../../../chat/conversation/on-message.js';
import { renderSlackNotice } from '../../../index.js';
import { gatherText, logAnswer, postAnswer, warnLeakers } from '../../answer.js';
import type { SlackDeps } from '../../deps.js';
import { respondAll } from '../../respond.js';
import { threadAnswerMessages, threadKey } from '../../thread.js';
import { withinLimit } from '../limit.js';
import { type MessageLike, threadOf } from '../message-source.js';

export const DIAGNOSE_SHORTCUT = 'diagnose_message';

const NOT_IN_CHANNEL_NOTE =
  "I can't post in this channel's threads until I'm a member — invite me with `/invite @bailian-doctor`. Here is the answer, visible only to you:";

/** The "Diagnose this error" handler: testable with a fake `ack`/`respond`, wired by registerDiagnoseShortcut. */
export async function handleDiagnoseShortcut(
  deps: SlackDeps,
  { shortcut, ack, client, respond, context }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs,
): Promise<void> {
  await ack();
  const s = shortcut as MessageShortcut;
  const m = s.message as unknown as MessageLike;
  const channel = s.channel.id;
  const tell = (text: string) => respondAll(deps, respond, [renderSlackNotice(text)]);
  if (!(await withinLimit(deps, s.user.id, tell))) return;
  const { text, leakers } = await gatherText(
    [{ text: m.text, user: m.user, files: m.files }],
    client,
    deps,
    context.botUserId,
  );
  const threadTs = threadOf(m);
  const target = { channel, threadTs };
  const key = threadKey({ team: context.teamId ?? s.team?.id ?? 'T', channel, threadTs });
  // The thread's conversation starts (or goes on) here: later replies are read with what this answer read.
  const outcome = await onMessage(deps.conversation, { key, text, id: `shortcut:${s.trigger_id}`, mode: 'direct' });
  if (outcome.kind !== 'answer') return;
  const messages = threadAnswerMessages(outcome, key);
  if (!(await postAnswer(client, deps, target, messages))) {
    await respondAll(deps, respond, [renderSlackNotice(NOT_IN_CHANNEL_NOTE), ...messages]);
  }
  await warnLeakers(client, deps, leakers, target);
  logAnswer(deps, 'shortcut', outcome.result, { channel, user: s.user.id, turn: outcome.turn });
}

export function registerDiagnoseShortcut(app: App, deps: SlackDeps): void {
  app.shortcut({ callback_id: DIAGNOSE_SHORTCUT, type: 'message_action' }, (args) =>
    handleDiagnoseShortcut(deps, args as AllMiddlewareArgs & SlackShortcutMiddlewareArgs),
  );
}
