// DISCORD_FORUM_CHANNELS: each new post in a listed forum gets an answer in its thread and our tags — Diagnosed
// (plus Service incident for a platform-side failure) or Needs info — with a "Mark solved" button. A post that is
// plain chat (a question with no failure in it) is left to the humans.
import { type AnyThreadChannel, DiscordAPIError, type Message, RESTJSONErrorCodes } from 'discord.js';
import { withRetry } from '../../chat/retry.js';
import type { DiagnoseResult } from '../../index.js';
import { answerMessages, runDiagnosis } from '../answer.js';
import { readAttachments } from '../attachments.js';
import { markSolvedButton } from '../components/mark-solved.js';
import { type BotContext, errorSummary } from '../context.js';
import { sendWithRetry } from '../retry.js';
import { deleteLeakedMessage, leakNotice } from '../secret.js';
import { isForumPost } from './forum-post.js';
import { type ForumTagKey, setForumTags } from './tags.js';
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

/** A platform-side failure: a server-side rule on a 5xx. */
function isServiceIncident(result: DiagnoseResult): boolean {
  const top = result.diagnoses[0];
  return top?.category === 'server_side' && (result.facts.status ?? 0) >= 500;
}

function tagsFor(result: DiagnoseResult): ForumTagKey[] {
  if (!result.matched) return ['needsInfo'];
  return isServiceIncident(result) ? ['diagnosed', 'incident'] : ['diagnosed'];
}

type Outcome = 'ignored' | 'not_ready' | 'empty' | 'silent' | 'rate_limited' | 'answered';

async function handle(ctx: BotContext, thread: AnyThreadChannel, created: boolean): Promise<Outcome> {
  // threadCreate also fires when the bot is added to an old thread: only new posts are answered.
  if (!created || !isForumPost(ctx, thread)) return 'ignored';
  const post = await fetchOpeningMessage(ctx, thread);
  if (!post) return 'not_ready';
  if (post.author.bot || post.author.id === ctx.client.user?.id || post.webhookId) return 'ignored';
  const files = await readAttachments(post.attachments.values(), ctx.config.apiUrl, () => {});
  // The title often holds the status line; it is the member's text like the rest, redacted the same way.
  const text = [thread.name, post.content, files].filter(Boolean).join('\n');
  if (!post.content.trim() && !files) return 'empty';
  const result = await runDiagnosis(ctx, text);
  if (!result.matched && !result.secretsFound && result.facts.plainChat) return 'silent';
  if (ctx.rateLimiter.take(post.author.id) !== 'allow') {
    ctx.log.info({ event: 'rate_limited', user: post.author.id, channel: thread.id }, 'forum answer skipped');
    return 'rate_limited';
  }
  const deleted = result.secretsFound ? await deleteLeakedMessage(ctx, post) : false;
  const renamed = result.secretsFound ? await redactTitle(ctx, thread) : false;
  const send = (payload: Parameters<typeof thread.send>[0]) =>
    sendWithRetry(async () => void (await thread.send(payload)), ctx.backoffMs);
  if (result.secretsFound)
    await send({ content: leakNotice(post.author.id, deleted), allowedMentions: { users: [post.author.id] } });
  const messages = await answerMessages(ctx, result, [markSolvedButton(result.diagnoses[0]?.id)]);
  for (const m of messages) await send(m);
  const tags = await setForumTags(ctx, thread, tagsFor(result));
  ctx.log.info(
    {
      event: 'diagnosed',
      source: 'forum',
      user: post.author.id,
      channel: thread.id,
      forum: thread.parentId,
      matched: result.matched,
      rule: result.diagnoses[0]?.id,
      secretsFound: result.secretsFound,
      deleted,
      renamed,
      tags,
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
