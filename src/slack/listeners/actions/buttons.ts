// The answer's buttons: feedback ("This fixed it" / "Not it") is logged and acknowledged privately to the
// clicker; "Other possible causes" shows the rest privately; "Share in channel" posts a private answer publicly.

import type { App, BlockButtonAction } from '@slack/bolt';
import { renderSlackMessages, renderSlackNotice, renderSlackOthers, SLACK_ACTIONS } from '../../../index.js';
import type { SlackDeps } from '../../deps.js';
import { respondAll } from '../../respond.js';

export const FEEDBACK_THANKS = {
  fixed: 'Thanks — glad that fixed it. Your feedback was recorded.',
  not_it:
    'Thanks — recorded. Try "Other possible causes", or run /diagnose again with the full error body, the base URL and the model.',
} as const;

const ANSWER_EXPIRED =
  'This answer has expired (the bot keeps answers for a day, and forgets them on restart). Run /diagnose again.';

interface ButtonValue {
  a?: string;
  r?: string;
}

function parseValue(value: string | undefined): ButtonValue {
  try {
    const v = JSON.parse(value ?? '{}') as ButtonValue;
    return typeof v === 'object' && v ? v : {};
  } catch {
    return {};
  }
}

export function registerButtons(app: App, deps: SlackDeps): void {
  for (const verdict of ['fixed', 'not_it'] as const) {
    const actionId = verdict === 'fixed' ? SLACK_ACTIONS.fixed : SLACK_ACTIONS.notIt;
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }) => {
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
      await respondAll(deps, respond, [renderSlackNotice(FEEDBACK_THANKS[verdict])]);
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
