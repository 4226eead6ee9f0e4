// DISCORD_FORUM_CHANNELS: each new post in a listed forum gets an answer in its thread and our tags — Diagnosed
// (plus Service incident for a platform-side failure) or Needs info — with a "Mark solved" button. A post that is
// plain chat (a question with no failure in it) is left to the humans.
import {
  type AnyThreadChannel,
  DiscordAPIError,
  type Message,
  type MessageCreateOptions,
  RESTJSONErrorCodes,
} from 'discord.js';
import { onMessage as onConversationMessage } from '../../chat/conversation/on-message.js';
import { withRetry } from '../../chat/retry.js';
import { runDiagnosis } from '../answer.js';
import { readAttachments } from '../attachments.js';
import { type BotContext, errorSummary } from '../context.js';
import { deliverAnswer } from '../conversation/deliver.js';
import { conversationKey } from '../conversation/keys.js';
import { sendWithRetry } from '../retry.js';
import { deleteLeakedMessage, leakNotice } from '../secret.js';
import { isForumPost } from './forum-post.js';
import { redactTitle } from './title.js';

const notReady = (err: unknown) => err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownMessage;

/**
 * The post's opening message (it has the thread's id). Discord creates the thread first, so for a moment the
 * message is "Unknown Message": wait that out (ctx.forumReadyBackoffMs), then give up with undefined.
 */
async function fetchOpeningMessage(ctx: BotContext, thread: AnyThreadChannel): Promise<Message | undefined> {
  try {
    const message = await withRetry(() => sendWithRetry(() => thread.fetchStarterMessage(), ctx.backoffMs), {
      backoffMs: ctx.forumReadyBackoffMs,
      retryable: notReady,
      onRetry: (_err, attempt) => ctx.log.debug({ event: 'forum_post_not_ready', thread: thread.id, attempt }),
    });
    return message ?? undefined;
  } catch (err) {
    if (!notReady(err)) throw err;
    ctx.log.warn({ event: 'forum_post_never_ready', thread: thread.id }, 'the opening message never appeared');
    return undefined;
  }
}

type Outcome = 'ignored' | 'not_ready' | 'empty' | 'silent' | 'rate_limited' | 'duplicate' | 'answered';

async function handle(ctx: BotContext, thread: AnyThreadChannel, created: boolean): Promise<Outcome> {
  // threadCreate also fires when the bot is added to an old thread: only new posts are answered.
  if (!created || !isForumPost(ctx, thread)) return 'ignored';
  const post = await fetchOpeningMessage(ctx, thread);
  if (!post) return 'not_ready';
  if (post.author.bot || post.author.id === ctx.client.user?.id || post.webhookId) return 'ignored';
  const files = await readAttachments(post.attachments.values(), ctx.config.apiUrl, () => {});
  if (!post.content.trim() && !files) return 'empty';
  // The title often holds the status line; it is the member's text like the rest, redacted the same way.
  const text = [thread.name, post.content, files].filter(Boolean).join('\n');
  // A post that reports no failure (a plain question) is left to the humans, and starts no conversation.
  const first = await runDiagnosis(ctx, text);
  if (!first.matched && !first.secretsFound && first.facts.plainChat) return 'silent';
  if (ctx.rateLimiter.take(post.author.id) !== 'allow') {
    ctx.log.info({ event: 'rate_limited', user: post.author.id, channel: thread.id }, 'forum answer skipped');
    return 'rate_limited';
  }
  const deleted = first.secretsFound ? await deleteLeakedMessage(ctx, post) : false;
  const renamed = first.secretsFound ? await redactTitle(ctx, thread) : false;
  const send = (payload: MessageCreateOptions) => thread.send(payload);
  if (first.secretsFound)
    await sendWithRetry(
      () => send({ content: leakNotice(post.author.id, deleted), allowedMentions: { users: [post.author.id] } }),
      ctx.backoffMs,
    );
  const key = conversationKey(thread.guildId, thread.id, thread.id);
  const outcome = await onConversationMessage(ctx.conversation, { key, text, id: post.id, mode: 'direct' });
  if (outcome.kind === 'duplicate') return 'duplicate';
  if (outcome.kind !== 'answer') return 'silent';
  await deliverAnswer(ctx, send, outcome, { root: thread.id, forumPost: thread });
  ctx.log.info(
    {
      event: 'diagnosed',
      source: 'forum',
      user: post.author.id,
      channel: thread.id,
      forum: thread.parentId,
      matched: outcome.result.matched,
      rule: outcome.result.diagnoses[0]?.id,
      question: outcome.question?.question.id,
      secretsFound: first.secretsFound,
      deleted,
      renamed,
    },
    'answered a forum post',
  );
  return 'answered';
}

export async function answerForumPost(ctx: BotContext, thread: AnyThreadChannel, created: boolean): Promise<void> {
  try {
    const outcome = await handle(ctx, thread, created);
    ctx.log.debug({ event: 'forum_post_handled', thread: thread.id, outcome }, 'forum post handled');
  } catch (err) {
    ctx.log.error({ event: 'forum_post_failed', thread: thread.id, err: errorSummary(err) }, 'forum post failed');
    ctx.log.debug({ event: 'forum_post_handled', thread: thread.id, outcome: 'failed' }, 'forum post handled');
  }
}
