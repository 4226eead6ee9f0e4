// The answer's buttons: feedback ("This fixed it" / "Not it") is filed against the rule version the answer showed
// and the clicker is told privately exactly what happens to it; "Other possible causes" shows the rest privately;
// "Share in channel" posts a private answer publicly. Answers come from storage, so the buttons work after a
// restart and on any replica.

import type { App, BlockButtonAction } from '@slack/bolt';
import { onMarkSolved } from '../../../chat/conversation/on-action.js';
import {
  FEEDBACK_ANSWER_GONE,
  FEEDBACK_NOT_KEPT,
  feedbackNote,
  renderSlackMessages,
  renderSlackNotice,
  renderSlackOthers,
  SLACK_ACTIONS,
} from '../../../index.js';
import type { SlackDeps } from '../../deps.js';
import { SOLVED_REACTION } from '../../outcome.js';
import { respondAll } from '../../respond.js';
import { safeCall } from '../../safe-call.js';
import { parseThreadKey } from '../../thread.js';
import type { WebClient } from '../../web-client.js';

/** What the clicker is told beside what happened to the verdict. */
export const FEEDBACK_THANKS = {
  fixed: 'Thanks — glad that fixed it.',
  not_it:
    'Thanks. Try "Other possible causes", or run /diagnose again with the full error body, the base URL and the model.',
} as const;

/** Without storage a verdict goes to the log alone: say so. */
const FEEDBACK_LOG_ONLY = 'It was written to the bot’s log only: this bot keeps no storage.';

const ANSWER_EXPIRED = 'This answer is no longer kept (answers are kept for RETENTION_DAYS). Run /diagnose again.';

/** File the verdict and word exactly what became of it. */
async function fileVerdict(
  deps: SlackDeps,
  verdict: 'fixed' | 'not_it',
  answerId: string | undefined,
  user: string,
): Promise<string> {
  if (!deps.learning) return FEEDBACK_LOG_ONLY;
  if (!answerId) return FEEDBACK_ANSWER_GONE;
  try {
    const filed = await deps.learning.feedback({ answerId, verdict, surface: 'slack', voter: `slack:${user}` });
    return filed ? feedbackNote(filed) : FEEDBACK_ANSWER_GONE;
  } catch (err) {
    deps.log.warn({ event: 'slack.feedback_store_failed', error: (err as Error).message }, 'could not keep a verdict');
    return FEEDBACK_NOT_KEPT;
  }
}

interface ButtonValue {
  a?: string;
  r?: string;
  /** The support thread of the answer (thread answers only). */
  t?: string;
}

function parseValue(value: string | undefined): ButtonValue {
  try {
    const v = JSON.parse(value ?? '{}') as ButtonValue;
    return typeof v === 'object' && v ? v : {};
  } catch {
    return {};
  }
}

/** "This fixed it" under a thread answer closes the thread as a pasted success would: ✅ on its first message. */
async function markThreadSolved(deps: SlackDeps, client: WebClient, key: string, id: string, by: string) {
  const ref = parseThreadKey(key);
  if (!ref) return;
  // The button's own feedback is its verdict; the thread only changes state.
  const out = await onMarkSolved(deps.conversation, { key, id, by, recordFeedback: false });
  if (out.kind !== 'solved' || !out.first) return;
  await safeCall(deps.log, 'reactions.add', () =>
    client.reactions.add({ channel: ref.channel, timestamp: ref.threadTs ?? '', name: SOLVED_REACTION }),
  );
}

export function registerButtons(app: App, deps: SlackDeps): void {
  for (const verdict of ['fixed', 'not_it'] as const) {
    const actionId = verdict === 'fixed' ? SLACK_ACTIONS.fixed : SLACK_ACTIONS.notIt;
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      const v = parseValue(action.value);
      deps.log.info(
        {
          event: 'slack.feedback',
          verdict,
          rule: v.r ?? null,
          answer: v.a ?? null,
          user: body.user.id,
          channel: body.channel?.id,
        },
        'feedback',
      );
      const what = await fileVerdict(deps, verdict, v.a, body.user.id);
      await respondAll(deps, respond, [renderSlackNotice(`${FEEDBACK_THANKS[verdict]} ${what}`)]);
      if (verdict === 'fixed' && v.t) await markThreadSolved(deps, client, v.t, action.action_ts, body.user.id);
    });
  }

  app.action<BlockButtonAction>(SLACK_ACTIONS.others, async ({ ack, action, respond }) => {
    await ack();
    const answerId = parseValue(action.value).a;
    const result = answerId ? await deps.answers.load(answerId) : undefined;
    const messages = result ? renderSlackOthers(result) : [renderSlackNotice(ANSWER_EXPIRED)];
    await respondAll(deps, respond, messages);
  });

  app.action<BlockButtonAction>(SLACK_ACTIONS.share, async ({ ack, action, respond, body }) => {
    await ack();
    const v = parseValue(action.value);
    const result = v.a ? await deps.answers.load(v.a) : undefined;
    if (!result) return void (await respondAll(deps, respond, [renderSlackNotice(ANSWER_EXPIRED)]));
    // The public copy carries no secret warning: that was meant for the caller alone.
    if (!(await respondAll(deps, respond, renderSlackMessages(result, { answerId: v.a }), 'in_channel'))) return;
    deps.log.info(
      { event: 'slack.shared', rule: result.diagnoses[0]?.id ?? null, user: body.user.id },
      'answer shared',
    );
  });
}
