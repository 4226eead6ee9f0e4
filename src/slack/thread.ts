// Slack's side of a support conversation: which thread a message belongs to, how an outcome of the shared core
// becomes Block Kit (notice, answer, What I read, the differential question, "Correct a fact" / "Escalate"), and
// the "Reading your error…" status message the answer then replaces.
import type { AnswerOutcome } from '../chat/conversation/answer-turn.js';
import { renderSlackMessages, SLACK_ACTIONS, type SlackMessage } from '../index.js';
import { postAnswer } from './answer.js';
import { DeliveryTrail } from './delivery-trail.js';
import type { SlackDeps } from './deps.js';
import { safeCall } from './safe-call.js';
import type { WebClient } from './web-client.js';

export interface ThreadRef {
  team: string;
  channel: string;
  /** The thread's parent ts; undefined for a DM conversation outside threads. */
  threadTs?: string;
}

/** `slack:<team>:<channel>:<thread ts>` — a DM outside threads is one conversation: `…:<channel>:dm`. */
export function threadKey(ref: ThreadRef): string {
  return `slack:${ref.team}:${ref.channel}:${ref.threadTs ?? 'dm'}`;
}

export function parseThreadKey(key: unknown): ThreadRef | undefined {
  if (typeof key !== 'string') return undefined;
  const m = /^slack:([^:]+):([^:]+):([^:]+)$/.exec(key);
  if (!m) return undefined;
  return { team: m[1]!, channel: m[2]!, threadTs: m[3] === 'dm' ? undefined : m[3] };
}

/** Whether the bot already holds a conversation under `key` (a store failure counts as no). */
export async function knownThread(deps: SlackDeps, key: string): Promise<boolean> {
  try {
    return (await deps.conversation.threads.load(key)) !== undefined;
  } catch {
    return false;
  }
}

export const VERIFY_PROMPT =
  'Tried the fix? Paste the output of the verify command here in the thread and I will read it.';

function notice(o: AnswerOutcome): string | undefined {
  if (o.turn === 'same-error' && o.exhausted)
    return 'Same error again, and I have no other cause left for it. Press "Escalate" to hand this thread to a person with everything gathered so far.';
  if (o.turn === 'same-error')
    return `Same error again — "${o.repeatOf?.title ?? 'the last fix'}" was not it. The next possible cause:`;
  if (o.turn === 'new-error') return 'A different error now — here is what it means:';
  if (o.turn === 'more-facts') return 'Read again with what this thread told me:';
  return undefined;
}

/** The Block Kit messages for one answer in a thread. */
export function threadAnswerMessages(o: AnswerOutcome, key: string): SlackMessage[] {
  const q = o.question;
  const messages = renderSlackMessages(o.result, {
    answerId: o.answerId,
    threadKey: key,
    notice: notice(o),
    // The verify loop's invitation, under a diagnosis.
    footer: o.result.diagnoses.length ? `👉 ${VERIFY_PROMPT}` : undefined,
    question: q && {
      text: q.question.text,
      choices: q.question.choices.map((c, i) => ({ label: c.label, value: { t: key, q: q.question.id, c: i } })),
    },
    moreButtons: [
      { actionId: SLACK_ACTIONS.correct, label: 'Correct a fact', value: { t: key, a: o.answerId } },
      { actionId: SLACK_ACTIONS.escalate, label: 'Escalate', value: { t: key } },
    ],
  });
  return messages;
}

export const READING_STATUS = 'Reading your error…';

/**
 * Post the short status message; its ts, so the answer can replace it (undefined when it could not be posted).
 * A resumed delivery reuses the one its earlier holder posted.
 */
export async function postStatus(
  client: WebClient,
  deps: SlackDeps,
  target: { channel: string; threadTs?: string },
  trail: DeliveryTrail = DeliveryTrail.none(),
): Promise<string | undefined> {
  if (trail.statusTs) return trail.statusTs;
  const res = await safeCall(deps.log, 'chat.postMessage', () =>
    client.chat.postMessage({
      channel: target.channel,
      thread_ts: target.threadTs,
      text: `:hourglass_flowing_sand: ${READING_STATUS}`,
    }),
  );
  await trail.statusPosted(res?.ts);
  return res?.ts;
}

/** Post `messages`, the first one replacing the status message when there is one. */
export async function postReplacingStatus(
  client: WebClient,
  deps: SlackDeps,
  target: { channel: string; threadTs?: string },
  messages: SlackMessage[],
  statusTs: string | undefined,
  trail: DeliveryTrail = DeliveryTrail.none(),
): Promise<boolean> {
  if (statusTs && messages[0]) {
    const m = messages[0];
    // An update is idempotent: a resumed delivery repeats it on the same message rather than posting another.
    const updated = await safeCall(deps.log, 'chat.update', () =>
      client.chat.update({ channel: target.channel, ts: statusTs, text: m.text, blocks: m.blocks }),
    );
    if (updated) {
      await trail.delivered(0);
      return postAnswer(client, deps, target, messages.slice(1), trail, 1);
    }
  }
  return postAnswer(client, deps, target, messages, trail);
}

/** Remove the status message when there is nothing to say after all. */
export async function clearStatus(client: WebClient, deps: SlackDeps, channel: string, ts: string | undefined) {
  if (ts) await safeCall(deps.log, 'chat.delete', () => client.chat.delete({ channel, ts }));
}
