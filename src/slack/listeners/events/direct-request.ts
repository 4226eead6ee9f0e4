// A direct request made by message — a mention or a DM: always answered (with "what to include" when nothing
// matches), in the thread, through the shared conversation core, so later messages in the thread are read with
// what it gathered. A short "Reading your error…" status shows while the bot works; the answer replaces it.
// Mentioned inside a thread the bot has not answered yet, the thread's parent is read too.
import { onMessage } from '../../../chat/conversation/on-message.js';
import { gatherText, logAnswer, type Source, warnLeakers } from '../../answer.js';
import { DeliveryTrail, type TrailContext } from '../../delivery-trail.js';
import type { SlackDeps } from '../../deps.js';
import { deliverOutcome } from '../../outcome.js';
import { safeCall } from '../../safe-call.js';
import { knownThread, postStatus, threadKey } from '../../thread.js';
import type { WebClient } from '../../web-client.js';
import { withinLimit } from '../limit.js';
import type { MessageLike } from '../message-source.js';

/** Where a channel message is remembered: one key per workspace, channel and message. */
export const seenKey = (teamId: string | undefined, channel: string, ts: string) => `${teamId ?? '-'}:${channel}:${ts}`;

/**
 * The thread's parent: what the bot saw of it (storage) first; otherwise conversations.replies, which Slack allows
 * apps outside its Marketplace once a minute — so at most once a minute from this process.
 */
async function threadParent(client: WebClient, deps: SlackDeps, channel: string, ts: string, teamId?: string) {
  const seen = await deps.seenMessages.recall(seenKey(teamId, channel, ts)).catch(() => undefined);
  if (seen) return { text: seen.text, user: seen.user, ts } as MessageLike;
  if (!deps.repliesGate.take()) {
    deps.log.info({ event: 'slack.replies_skipped', channel }, 'thread parent not read (one read a minute)');
    return undefined;
  }
  const res = await safeCall(deps.log, 'conversations.replies', () =>
    client.conversations.replies({ channel, ts, limit: 1, inclusive: true }),
  );
  return res?.messages?.[0] as MessageLike | undefined;
}

/** Keep a top-level channel message (redacted) for a later mention in its thread; a failure costs nothing else. */
export async function rememberMessage(
  deps: SlackDeps,
  m: MessageLike & { channel: string; ts: string },
  teamId?: string,
) {
  if (m.channel_type === 'im' || (m.thread_ts && m.thread_ts !== m.ts) || !m.text) return;
  await deps.seenMessages
    .remember(seenKey(teamId, m.channel, m.ts), { text: m.text, user: m.user })
    .catch((err) =>
      deps.log.warn({ event: 'slack.seen_store_failed', error: (err as Error).message }, 'could not keep the message'),
    );
}

/** Answer a direct request made by message (a mention, or a DM). */
export async function answerMessage(
  m: MessageLike & { channel: string; ts: string },
  client: WebClient,
  deps: SlackDeps,
  context: { botUserId?: string; botId?: string; teamId?: string; retryNum?: number } & TrailContext,
  way: 'mention' | 'dm',
): Promise<void> {
  // A malformed event (no channel or ts) has nowhere to be answered.
  if (typeof m.channel !== 'string' || typeof m.ts !== 'string') return;
  if (!deps.seen.first(`message:${m.channel}:${m.ts}`)) return;
  await rememberMessage(deps, m, context.teamId);
  const threadTs = way === 'dm' ? m.thread_ts : (m.thread_ts ?? m.ts);
  const target = { channel: m.channel, threadTs };
  const tell = (text: string) =>
    safeCall(deps.log, 'chat.postEphemeral', () =>
      client.chat.postEphemeral({ channel: m.channel, user: m.user ?? '', thread_ts: threadTs, text }),
    );
  if (!(await withinLimit(deps, m.user, tell))) return;
  const key = threadKey({ team: context.teamId ?? 'T', channel: m.channel, threadTs });
  const trail = DeliveryTrail.of(context);
  await trail.recover(client, target, m.ts, context);
  const statusTs = await postStatus(client, deps, target, trail);
  const sources: Source[] = [{ text: m.text, user: m.user, files: m.files }];
  if (m.thread_ts && m.thread_ts !== m.ts && !(await knownThread(deps, key))) {
    const parent = await threadParent(client, deps, m.channel, m.thread_ts, context.teamId);
    if (parent && parent.ts !== m.ts) sources.unshift({ text: parent.text, user: parent.user, files: parent.files });
  }
  const { text, leakers } = await gatherText(sources, client, deps, context.botUserId);
  const outcome = await onMessage(deps.conversation, {
    key,
    text,
    id: m.ts,
    mode: 'direct',
    redelivered: Boolean(context.retryNum),
  });
  const place = { ...target, reactTo: threadTs ?? m.ts, statusTs, trail };
  await deliverOutcome(client, deps, outcome, key, place);
  await warnLeakers(client, deps, leakers, target);
  if (outcome.kind === 'answer')
    logAnswer(deps, way, outcome.result, { channel: m.channel, user: m.user, turn: outcome.turn });
  else deps.log.info({ event: 'slack.thread', way, outcome: outcome.kind, channel: m.channel }, 'thread message');
}
