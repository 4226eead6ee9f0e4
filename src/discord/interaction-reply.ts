// Acknowledge, then answer: the first response to an interaction goes out before any slow work (Discord
// gives 3 s), the answer edits it later. Every send is retried on transient failures.

import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { onMessage as onConversationMessage } from '../chat/conversation/on-message.js';
import { leakWarning } from '../chat/leak-warning.js';
import { redact } from '../index.js';
import type { OutMessage } from './answer.js';
import type { BotContext } from './context.js';
import { conversationKey } from './conversation/keys.js';
import { outcomeMessages } from './conversation/outcome-messages.js';
import { tagsFor } from './forum/answer-tags.js';
import { isForumPost } from './forum/forum-post.js';
import { markForumSolved, setForumTags } from './forum/tags.js';
import { answersPrivately } from './install-context.js';
import { sendWithRetry } from './retry.js';

/** Rate-limit check, then defer. Resolves false (after telling the user) when the user is over the limit. */
export async function admit(ctx: BotContext, i: RepliableInteraction): Promise<boolean> {
  if (ctx.rateLimiter.take(i.user.id) !== 'allow') {
    const waitMs = ctx.rateLimiter.retryAfterMs(i.user.id);
    ctx.log.info({ event: 'rate_limited', user: i.user.id }, 'user over the request limit');
    await i.reply({
      content: `You are asking quickly — please try again in ${Math.ceil(waitMs / 1000)} s.`,
      flags: MessageFlags.Ephemeral,
    });
    return false;
  }
  await i.deferReply(answersPrivately(i) ? { flags: MessageFlags.Ephemeral } : {});
  return true;
}

/** Send messages on a deferred interaction: the first edits the deferred reply, the rest follow up. */
export async function sendOnInteraction(
  ctx: BotContext,
  i: RepliableInteraction,
  messages: OutMessage[],
  ephemeral = false,
): Promise<void> {
  const [first, ...rest] = messages;
  if (first) await sendWithRetry(() => i.editReply(first), ctx.backoffMs);
  for (const m of rest)
    await sendWithRetry(
      () => i.followUp({ ...m, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) }),
      ctx.backoffMs,
    );
}

async function warnEphemeral(ctx: BotContext, i: RepliableInteraction, content: string): Promise<void> {
  await sendWithRetry(() => i.followUp({ content, flags: MessageFlags.Ephemeral }), ctx.backoffMs);
}

/** Where a direct request's conversation lives: the thread it was asked in, or rooted at the request itself. */
function placeOf(ctx: BotContext, i: RepliableInteraction) {
  const thread = i.channel?.isThread() ? i.channel : undefined;
  const root = thread?.id ?? i.id;
  const forumPost = thread && isForumPost(ctx, thread) ? thread : undefined;
  return { key: conversationKey(i.guildId, i.channelId ?? root, root), root, forumPost };
}

const NOTHING = 'I found nothing to diagnose in that — paste the error text (status line, JSON body or traceback).';

/**
 * Diagnose `text` as a turn of its conversation (the thread it was asked in, or a new one) and answer on the
 * deferred interaction; unmatched direct requests get NO_MATCH_HELP. Resolves with whether the text held a key.
 */
export async function answerDirect(
  ctx: BotContext,
  i: RepliableInteraction,
  text: string,
  source: string,
  secretNote = '',
): Promise<{ secretsFound: boolean } | undefined> {
  if (!text.trim()) {
    await sendWithRetry(
      () => i.editReply({ content: 'There is no text (or .txt/.log attachment) to diagnose here.' }),
      ctx.backoffMs,
    );
    return undefined;
  }
  const place = placeOf(ctx, i);
  const outcome = await onConversationMessage(ctx.conversation, { key: place.key, text, id: i.id, mode: 'direct' });
  const secretsFound = 'result' in outcome ? outcome.result.secretsFound : redact(text).findings.length > 0;
  ctx.log.info(
    {
      event: 'diagnosed',
      source,
      user: i.user.id,
      guild: i.guildId,
      outcome: outcome.kind,
      matched: outcome.kind === 'answer' ? outcome.result.matched : undefined,
      rule: outcome.kind === 'answer' ? outcome.result.diagnoses[0]?.id : undefined,
      secretsFound,
    },
    'answered a direct request',
  );
  const privately = answersPrivately(i);
  if (outcome.kind === 'answer') {
    await sendOnInteraction(
      ctx,
      i,
      outcomeMessages(outcome, { root: place.root, forum: !!place.forumPost }),
      privately,
    );
    if (place.forumPost) await setForumTags(ctx, place.forumPost, tagsFor(outcome.result, !!outcome.question));
  } else if (outcome.kind === 'solved') {
    const rule = outcome.ruleId ? ` I recorded that \`${outcome.ruleId}\` fixed it.` : '';
    await sendWithRetry(
      () => i.editReply({ content: `✅ That output shows a working call — marked solved.${rule}` }),
      ctx.backoffMs,
    );
    if (place.forumPost) await markForumSolved(ctx, place.forumPost);
  } else await sendWithRetry(() => i.editReply({ content: NOTHING }), ctx.backoffMs);
  if (secretsFound) await warnEphemeral(ctx, i, `${leakWarning()}${secretNote}`);
  return { secretsFound };
}
