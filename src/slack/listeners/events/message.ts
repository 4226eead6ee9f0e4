// Plain messages: a DM to the bot is a direct request (always answered); a message in a watched channel is
// answered only when the diagnosis is confident — ordinary chat in a support channel gets silence.
import type { App } from '@slack/bolt';
import { diagnoseSources, logAnswer, postAnswer, publicAnswer, warnLeakers } from '../../answer.js';
import type { SlackDeps } from '../../deps.js';
import { mentions } from '../../slack-text.js';
import type { WebClient } from '../../web-client.js';
import { isPersonMessage, type MessageLike, threadOf } from '../message-source.js';
import { answerMessage, rememberMessage } from './direct-request.js';

async function watchMessage(
  m: MessageLike & { channel: string; ts: string },
  client: WebClient,
  deps: SlackDeps,
  botUserId: string | undefined,
): Promise<void> {
  if (!deps.seen.first(`message:${m.channel}:${m.ts}`)) return;
  const { result, leakers } = await diagnoseSources(
    [{ text: m.text, user: m.user, files: m.files }],
    client,
    deps,
    botUserId,
  );
  const target = { channel: m.channel, threadTs: threadOf(m) };
  // A leaked key is worth a private word even when the error itself is not recognised.
  await warnLeakers(client, deps, leakers, target);
  if (!result.matched) return;
  if (m.user && deps.limiter.take(m.user) !== 'allow') {
    deps.log.warn({ event: 'slack.rate_limited', user: m.user, way: 'passive' }, 'passive answer skipped');
    return;
  }
  await postAnswer(client, deps, target, await publicAnswer(deps, result));
  logAnswer(deps, 'passive', result, { channel: m.channel, user: m.user });
}

export function registerMessage(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, client, context }) => {
    const m = event as unknown as MessageLike & { channel: string; ts: string };
    if (!isPersonMessage(m) || !m.user) return;
    if (m.channel_type === 'im') return answerMessage(m, client, deps, context.botUserId, 'dm', context.teamId);
    // Any channel message may become a thread someone mentions the bot in: keep it (redacted) for then.
    await rememberMessage(deps, m, context.teamId);
    if (!deps.config.watchChannels.has(m.channel)) return;
    // A mention in a watched channel also arrives as app_mention; that listener answers it as a direct request.
    if (mentions(m.text, context.botUserId)) return;
    await watchMessage(m, client, deps, context.botUserId);
  });
}
