// The "Correct a fact" form's submission: the typed values are checked before the ack (a bad one is shown in
// the form, in Slack's 3 s window), then the thread's last error is diagnosed again with them and the answer
// follows up in the thread. One modal submits once: its view id is the idempotency key.
import type { App } from '@slack/bolt';
import { checkCorrections } from '../../../chat/conversation/corrections.js';
import { onCorrect } from '../../../chat/conversation/on-action.js';
import { logAnswer } from '../../answer.js';
import type { SlackDeps } from '../../deps.js';
import { deliverOutcome } from '../../outcome.js';
import { parseThreadKey } from '../../thread.js';
import { CORRECT_FACT_VIEW } from '../actions/conversation.js';

type Values = Record<string, Record<string, { value?: string | null }>>;

export function registerCorrectFactView(app: App, deps: SlackDeps): void {
  app.view(CORRECT_FACT_VIEW, async ({ ack, view, body, client }) => {
    const values: Record<string, string | undefined> = {};
    for (const [block, fields] of Object.entries((view.state.values ?? {}) as Values))
      values[block] = fields.value?.value ?? undefined;
    const { problems } = checkCorrections(values);
    if (problems.length) {
      await ack({
        response_action: 'errors',
        errors: Object.fromEntries(problems.map((p) => [p.fact, p.message])),
      });
      return;
    }
    await ack();
    let key: string | undefined;
    try {
      key = (JSON.parse(view.private_metadata || '{}') as { t?: string }).t;
    } catch {
      key = undefined;
    }
    const ref = parseThreadKey(key);
    if (!ref || !key) return;
    const out = await onCorrect(deps.conversation, { key, id: `view:${view.id}`, by: body.user.id, values });
    if (out.kind !== 'answer') return;
    await deliverOutcome(client, deps, out, key, {
      channel: ref.channel,
      threadTs: ref.threadTs,
      reactTo: ref.threadTs ?? '',
    });
    logAnswer(deps, 'correction', out.result, { channel: ref.channel, user: body.user.id, turn: out.turn });
  });
}
