// The support conversation's buttons: an answer to the differential question re-diagnoses and follows up in the
// thread; "Correct a fact" opens the form (views/correct-fact.ts takes it from there); "Escalate" posts the
// handoff packet in the thread and, with ESCALATION_CHANNEL, to the helpers' channel, where "I'll take this"
// claims it. Every click is acknowledged first (Slack's 3 s window), and acts once (the click's action_ts is
// remembered in the thread).
import type { App, BlockButtonAction } from '@slack/bolt';
import { CORRECTABLE_FACTS, CORRECTION_LABELS, correctionDefaults } from '../../../chat/conversation/corrections.js';
import { buildHandoff, handoffText } from '../../../chat/conversation/handoff.js';
import { onChoice, onClaim, onEscalate } from '../../../chat/conversation/on-action.js';
import {
  renderSlackCorrectionModal,
  renderSlackEscalation,
  renderSlackHandoff,
  renderSlackNotice,
  SLACK_ACTIONS,
} from '../../../index.js';
import { logAnswer } from '../../answer.js';
import type { SlackDeps } from '../../deps.js';
import { deliverOutcome } from '../../outcome.js';
import { respondAll } from '../../respond.js';
import { safeCall } from '../../safe-call.js';
import { parseThreadKey, threadKey } from '../../thread.js';

export const CORRECT_FACT_VIEW = 'correct_fact_view';

const CONVERSATION_EXPIRED =
  'I no longer hold this conversation (threads are kept for a week) — paste the error again and I will start over.';

interface ConvValue {
  t?: string;
  q?: string;
  c?: number;
  a?: string;
}

function parse(value: string | undefined): ConvValue {
  try {
    const v = JSON.parse(value ?? '{}') as ConvValue;
    return typeof v === 'object' && v ? v : {};
  } catch {
    return {};
  }
}

export function registerConversationButtons(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    new RegExp(`^${SLACK_ACTIONS.choicePrefix}\\d+$`),
    async ({ ack, action, body, client, respond }) => {
      await ack();
      const v = parse(action.value);
      const ref = parseThreadKey(v.t);
      if (!ref || !v.q || typeof v.c !== 'number') return;
      const out = await onChoice(deps.conversation, {
        key: v.t!,
        id: action.action_ts,
        by: body.user.id,
        questionId: v.q,
        choice: v.c,
      });
      if (out.kind === 'unknown-thread' || out.kind === 'stale')
        return void (await respondAll(deps, respond, [renderSlackNotice(CONVERSATION_EXPIRED)]));
      if (out.kind === 'duplicate') return;
      const target = { channel: ref.channel, threadTs: ref.threadTs };
      if (out.kind === 'prompt') {
        await safeCall(deps.log, 'chat.postMessage', () =>
          client.chat.postMessage({ ...target, thread_ts: ref.threadTs, text: out.text }),
        );
        return;
      }
      await deliverOutcome(client, deps, out, v.t!, { ...target, reactTo: ref.threadTs ?? '' });
      logAnswer(deps, 'button', out.result, { channel: ref.channel, user: body.user.id, turn: out.turn });
    },
  );

  app.action<BlockButtonAction>(SLACK_ACTIONS.correct, async ({ ack, action, body, client, respond }) => {
    await ack();
    const v = parse(action.value);
    if (!parseThreadKey(v.t)) return;
    const state = await deps.conversation.threads.load(v.t!).catch(() => undefined);
    if (!state) return void (await respondAll(deps, respond, [renderSlackNotice(CONVERSATION_EXPIRED)]));
    const initial = correctionDefaults(state.facts);
    const fields = CORRECTABLE_FACTS.map((name) => ({ name, label: CORRECTION_LABELS[name], initial: initial[name] }));
    await safeCall(deps.log, 'views.open', () =>
      client.views.open({
        trigger_id: body.trigger_id,
        view: renderSlackCorrectionModal(CORRECT_FACT_VIEW, fields, JSON.stringify({ t: v.t })) as never,
      }),
    );
  });

  app.action<BlockButtonAction>(SLACK_ACTIONS.escalate, async ({ ack, action, body, client, respond }) => {
    await ack();
    const v = parse(action.value);
    const ref = parseThreadKey(v.t);
    if (!ref) return;
    const out = await onEscalate(deps.conversation, { key: v.t!, id: action.action_ts, by: body.user.id });
    if (out.kind === 'unknown-thread')
      return void (await respondAll(deps, respond, [renderSlackNotice(CONVERSATION_EXPIRED)]));
    if (out.kind === 'duplicate') return;
    if (!out.first)
      return void (await respondAll(deps, respond, [
        renderSlackNotice('This thread is already escalated — the handoff packet is in the thread.'),
      ]));
    const text = handoffText(out.packet);
    const channel = deps.config.escalationChannel;
    const note = channel
      ? `Escalated to <#${channel}> — a helper will pick it up. Here is the handoff packet (ready to paste into an Alibaba Cloud support ticket; no key, no raw paste):`
      : 'Here is the handoff packet, ready to paste into an Alibaba Cloud support ticket or to a human helper (no key, no raw paste):';
    const m = renderSlackHandoff(text, note);
    await safeCall(deps.log, 'chat.postMessage', () =>
      client.chat.postMessage({ channel: ref.channel, thread_ts: ref.threadTs, text: m.text, blocks: m.blocks }),
    );
    if (channel) {
      const link = await safeCall(deps.log, 'chat.getPermalink', () =>
        client.chat.getPermalink({ channel: ref.channel, message_ts: ref.threadTs ?? '' }),
      );
      const e = renderSlackEscalation(text, { link: link?.permalink }, { t: v.t });
      await safeCall(deps.log, 'chat.postMessage', () =>
        client.chat.postMessage({ channel, text: e.text, blocks: e.blocks }),
      );
    }
    deps.log.info(
      { event: 'slack.escalated', channel: ref.channel, to: channel ?? null, user: body.user.id },
      'escalated',
    );
  });

  app.action<BlockButtonAction>(SLACK_ACTIONS.claim, async ({ ack, action, body, client, respond }) => {
    await ack();
    const v = parse(action.value);
    const ref = parseThreadKey(v.t);
    if (!ref) return;
    const out = await onClaim(deps.conversation, { key: v.t!, id: action.action_ts, by: body.user.id });
    if (out.kind === 'unknown-thread')
      return void (await respondAll(deps, respond, [renderSlackNotice(CONVERSATION_EXPIRED)]));
    if (out.kind === 'duplicate') return;
    if (!out.first)
      // Plain text, so the mention renders (a user id is letters and digits only).
      return void (await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: `<@${out.claimedBy}> already took this one.`,
      }).catch(() => {}));
    const e = renderSlackEscalation(handoffText(buildHandoff(out.state)), { claimedBy: out.claimedBy }, { t: v.t });
    await respond({ replace_original: true, text: e.text, blocks: e.blocks }).catch((err: Error) =>
      deps.log.warn({ event: 'slack.call_failed', call: 'respond', error: err.message }, 'respond failed'),
    );
    await safeCall(deps.log, 'chat.postMessage', () =>
      client.chat.postMessage({
        channel: ref.channel,
        thread_ts: ref.threadTs,
        text: `<@${out.claimedBy}> is taking this thread from here.`,
      }),
    );
    deps.log.info({ event: 'slack.claimed', key: threadKey(ref), user: out.claimedBy }, 'escalation claimed');
  });
}
