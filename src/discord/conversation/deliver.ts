// Sending what the conversation core decided, wherever the conversation is (a forum post, a thread, a channel
// reply chain): an answer with its rows, or — when a pasted verify output shows the call works — a ✅ and a
// note, and on a forum post the tags to match (Solved in place of Diagnosed / Needs info).
import type { AnyThreadChannel, Message, MessageCreateOptions } from 'discord.js';
import type { AnswerOutcome } from '../../chat/conversation/answer-turn.js';
import type { OutMessage } from '../answer.js';
import { type BotContext, errorSummary } from '../context.js';
import { tagsFor } from '../forum/answer-tags.js';
import { markForumSolved, setForumTags } from '../forum/tags.js';
import { sendWithRetry } from '../retry.js';
import { outcomeMessages } from './outcome-messages.js';

export interface Where {
  /** The conversation root the buttons carry (conversation/keys.ts). */
  root: string;
  /** The forum post this conversation is, when it is one (tags follow the answers). */
  forumPost?: AnyThreadChannel;
}

type Send = (payload: MessageCreateOptions) => Promise<unknown>;

export async function deliverAnswer(ctx: BotContext, send: Send, outcome: AnswerOutcome, where: Where): Promise<void> {
  const messages: OutMessage[] = outcomeMessages(outcome, { root: where.root, forum: !!where.forumPost });
  for (const m of messages) await sendWithRetry(() => send(m), ctx.backoffMs);
  if (where.forumPost) await setForumTags(ctx, where.forumPost, tagsFor(outcome.result, !!outcome.question));
}

/** The verify loop closed: react on the pasted output, say so, and tag a forum post Solved. */
export async function deliverSolved(
  ctx: BotContext,
  pasted: Message,
  ruleId: string | undefined,
  where: Where,
): Promise<void> {
  try {
    await sendWithRetry(() => pasted.react('✅'), ctx.backoffMs);
  } catch (err) {
    // Reactions need Add Reactions and Read Message History; the note below says it anyway.
    ctx.log.info({ event: 'reaction_failed', err: errorSummary(err) }, 'could not react');
  }
  const rule = ruleId ? ` I recorded that \`${ruleId}\` fixed it.` : '';
  await sendWithRetry(
    () => pasted.reply({ content: `✅ That output shows a working call — marked solved.${rule}` }),
    ctx.backoffMs,
  );
  if (where.forumPost) await markForumSolved(ctx, where.forumPost);
}
