// Messages, through the shared conversation core: in DISCORD_WATCH_CHANNELS (and threads under them) the bot
// answers confident Model Studio errors and stays silent on everything else; in a conversation it is part of —
// a forum post or thread it answered, or a reply to one of its answers — later messages are read with what the
// conversation already knows, a pasted success closes the verify loop, chat gets silence. Bots (and itself) are
// ignored; a leaked key is deleted when allowed.
import type { Message, MessageCreateOptions } from 'discord.js';
import { onMessage as onConversationMessage } from '../../chat/conversation/on-message.js';
import { redact } from '../../index.js';
import { readAttachments } from '../attachments.js';
import { type BotContext, errorSummary } from '../context.js';
import { deliverAnswer, deliverSolved, type Where } from '../conversation/deliver.js';
import { conversationKey, replyRoot } from '../conversation/keys.js';
import { isForumPost } from '../forum/forum-post.js';
import { sendWithRetry } from '../retry.js';
import { deleteLeakedMessage, leakNotice } from '../secret.js';

function watched(ctx: BotContext, channelId: string | null | undefined): boolean {
  return !!channelId && ctx.config.watchChannels.has(channelId);
}

interface Place extends Where {
  key: string;
  /** `watch`: answer only confident errors; `reply`: only in a conversation the bot is already part of. */
  mode: 'watch' | 'reply';
}

/** Which conversation the message belongs to, or undefined when the bot has no business reading it. */
async function placeOf(ctx: BotContext, m: Message): Promise<Place | undefined> {
  const channel = m.channel;
  if (channel.isThread()) {
    const forumPost = isForumPost(ctx, channel) ? channel : undefined;
    return {
      key: conversationKey(m.guildId, channel.id, channel.id),
      root: channel.id,
      mode: watched(ctx, channel.parentId) ? 'watch' : 'reply',
      ...(forumPost ? { forumPost } : {}),
    };
  }
  const isWatched = watched(ctx, m.channelId);
  // A reply to someone else outside watched channels is none of the bot's business: no fetch to find out.
  const repliedTo = m.mentions.repliedUser?.id;
  if (!isWatched && repliedTo && repliedTo !== ctx.client.user?.id) return undefined;
  const reply = await replyRoot(m, ctx.client.user?.id);
  // Outside watched channels only a reply to the bot's own answer continues a conversation.
  if (reply && (reply.toBot || isWatched))
    return { key: conversationKey(m.guildId, m.channelId, reply.root), root: reply.root, mode: 'reply' };
  if (isWatched) return { key: conversationKey(m.guildId, m.channelId, m.id), root: m.id, mode: 'watch' };
  return undefined;
}

async function knownConversation(ctx: BotContext, key: string): Promise<boolean> {
  try {
    return (await ctx.conversation.threads.load(key)) !== undefined;
  } catch (err) {
    ctx.conversation.onStoreError(err, 'thread.load');
    return false;
  }
}

type Outcome =
  | 'ignored'
  | 'forum_opening'
  | 'unwatched'
  | 'empty'
  | 'silent'
  | 'duplicate'
  | 'rate_limited'
  | 'warned'
  | 'answered'
  | 'solved';

async function handle(ctx: BotContext, m: Message): Promise<Outcome> {
  if (m.author.bot || m.author.id === ctx.client.user?.id || m.webhookId || m.system) return 'ignored';
  // A forum post's opening message has the thread's id; the new thread is answered as a whole (thread-create.ts).
  if (m.id === m.channelId && isForumPost(ctx, m.channel)) return 'forum_opening';
  let place = await placeOf(ctx, m);
  if (!place) return 'unwatched';
  // Outside watched places only a conversation the bot is already in is read: one store look-up, not a diagnosis
  // of every message in every thread.
  if (place.mode === 'reply' && !(await knownConversation(ctx, place.key)) && !watched(ctx, m.channelId))
    return 'unwatched';
  const files = await readAttachments(m.attachments.values(), ctx.config.apiUrl, () => {});
  const text = [m.content, files].filter(Boolean).join('\n');
  if (!text.trim()) return 'empty';
  const input = { key: place.key, text, id: m.id, mode: place.mode };
  let outcome = await onConversationMessage(ctx.conversation, input);
  // A reply in a watched channel to something the bot never answered is a new paste of its own.
  if (outcome.kind === 'silent' && outcome.reason === 'not-in-thread' && watched(ctx, m.channelId)) {
    place = { key: conversationKey(m.guildId, m.channelId, m.id), root: m.id, mode: 'watch' };
    outcome = await onConversationMessage(ctx.conversation, { ...input, key: place.key, mode: 'watch' });
  }
  if (outcome.kind === 'duplicate') return 'duplicate';
  const part = outcome.kind !== 'silent' || (outcome.reason !== 'not-in-thread' && outcome.reason !== 'not-confident');
  const leaked = redact(text).findings.length > 0;
  // A key is acted on where the bot watches or takes part; elsewhere the message is none of its business.
  if (!leaked && outcome.kind === 'silent') return 'silent';
  if (leaked && !part && place.mode !== 'watch') return 'silent';
  const deleted = leaked ? await deleteLeakedMessage(ctx, m) : false;
  if (outcome.kind === 'answer' && ctx.rateLimiter.take(m.author.id) !== 'allow') {
    ctx.log.info({ event: 'rate_limited', user: m.author.id, channel: m.channelId }, 'passive answer skipped');
    return 'rate_limited';
  }
  if (!m.channel.isSendable()) return 'ignored';
  const channel = m.channel;
  // Reply to the message while it exists (a reply continues the conversation); a deleted one: in the channel.
  const send = (payload: MessageCreateOptions): Promise<unknown> =>
    deleted ? channel.send(payload) : m.reply(payload);
  if (leaked)
    await sendWithRetry<unknown>(
      () => channel.send({ content: leakNotice(m.author.id, deleted), allowedMentions: { users: [m.author.id] } }),
      ctx.backoffMs,
    );
  ctx.log.info(
    {
      event: 'diagnosed',
      source: place.mode === 'watch' ? 'watch' : 'conversation',
      user: m.author.id,
      channel: m.channelId,
      outcome: outcome.kind,
      turn: outcome.kind === 'answer' ? outcome.turn : undefined,
      matched: outcome.kind === 'answer' ? outcome.result.matched : undefined,
      rule: outcome.kind === 'answer' ? outcome.result.diagnoses[0]?.id : undefined,
      secretsFound: leaked,
      deleted,
    },
    'answered a message',
  );
  if (outcome.kind === 'solved') {
    await deliverSolved(ctx, m, outcome.ruleId, place);
    return 'solved';
  }
  if (outcome.kind !== 'answer') return 'warned';
  await deliverAnswer(ctx, send, outcome, place);
  return 'answered';
}

export async function onMessage(ctx: BotContext, m: Message): Promise<void> {
  try {
    const outcome = await handle(ctx, m);
    ctx.log.debug({ event: 'message_handled', message: m.id, outcome }, 'message handled');
  } catch (err) {
    ctx.log.error({ event: 'message_failed', channel: m.channelId, err: errorSummary(err) }, 'watched message failed');
    ctx.log.debug({ event: 'message_handled', message: m.id, outcome: 'failed' }, 'message handled');
  }
}
