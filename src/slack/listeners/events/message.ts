// Plain messages: a DM to the bot is a direct request (always answered); a reply in a thread the bot answered is
// read with what the thread gathered (a pasted success closes it, chat gets silence); a message in a watched
// channel is answered only when the diagnosis is confident — ordinary chat in a support channel gets silence.
import type { App } from '@slack/bolt';
import { onMessage } from '../../../chat/conversation/on-message.js';
import { gatherText, logAnswer, warnLeakers } from '../../answer.js';
import { DeliveryTrail, type TrailContext } from '../../delivery-trail.js';
import type { SlackDeps } from '../../deps.js';
import { deliverOutcome } from '../../outcome.js';
import { mentions } from '../../slack-text.js';
import { knownThread, threadKey } from '../../thread.js';
import type { WebClient } from '../../web-client.js';
import { isPersonMessage, type MessageLike, threadOf } from '../message-source.js';
import { answerMessage, rememberMessage } from './direct-request.js';

async function channelMessage(
  m: MessageLike & { channel: string; ts: string },
  client: WebClient,
  deps: SlackDeps,
  context: { botUserId?: string; botId?: string; teamId?: string; retryNum?: number } & TrailContext,
  watched: boolean,
): Promise<void> {
  if (!deps.seen.first(`message:${m.channel}:${m.ts}`)) return;
  const threadTs = threadOf(m);
  const target = { channel: m.channel, threadTs };
  const key = threadKey({ team: context.teamId ?? 'T', channel: m.channel, threadTs });
  // Outside watched channels only threads the bot is part of are read (no file of anyone else's thread is fetched).
  if (!watched && !(await knownThread(deps, key))) return;
  const { text, leakers } = await gatherText(
    [{ text: m.text, user: m.user, files: m.files }],
    client,
    deps,
    context.botUserId,
  );
  const outcome = await onMessage(deps.conversation, {
    key,
    text,
    id: m.ts,
    mode: watched ? 'watch' : 'reply',
    // Slack's retry of a delivery the ledger never saw finished (a replica died mid-answer).
    redelivered: Boolean(context.retryNum),
  });
  // A leaked key is worth a private word wherever the bot reads along, even when the error is not recognised.
  await warnLeakers(client, deps, leakers, target);
  if (outcome.kind === 'answer' && m.user && deps.limiter.take(m.user) !== 'allow') {
    deps.log.warn({ event: 'slack.rate_limited', user: m.user, way: 'passive' }, 'passive answer skipped');
    return;
  }
  const trail = DeliveryTrail.of(context);
  await trail.recover(client, target, m.ts, context);
  await deliverOutcome(client, deps, outcome, key, { ...target, reactTo: threadTs ?? m.ts, trail });
  if (outcome.kind === 'answer')
    logAnswer(deps, watched ? 'passive' : 'thread', outcome.result, {
      channel: m.channel,
      user: m.user,
      turn: outcome.turn,
    });
  else if (outcome.kind === 'solved')
    deps.log.info({ event: 'slack.solved', channel: m.channel, rule: outcome.ruleId ?? null }, 'thread solved');
}

export function registerMessage(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, client, context }) => {
    const m = event as unknown as MessageLike & { channel: string; ts: string };
    if (!isPersonMessage(m) || !m.user) return;
    if (m.channel_type === 'im') return answerMessage(m, client, deps, context, 'dm');
    // Any channel message may become a thread someone mentions the bot in: keep it (redacted) for then.
    await rememberMessage(deps, m, context.teamId);
    // A mention also arrives as app_mention; that listener answers it as a direct request.
    if (mentions(m.text, context.botUserId)) return;
    const watched = deps.config.watchChannels.has(m.channel);
    const inThread = m.thread_ts !== undefined && m.thread_ts !== m.ts;
    if (!watched && !inThread) return;
    await channelMessage(m, client, deps, context, watched);
  });
}
