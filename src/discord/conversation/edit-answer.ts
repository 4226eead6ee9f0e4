// A button or form that re-diagnoses edits the answer it sits under: the first message of the new answer replaces
// it (same message id, so a reply to it still continues the conversation), any further messages follow up, and a
// forum post's tags follow the new answer.
import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { AnswerOutcome } from '../../chat/conversation/answer-turn.js';
import type { BotContext } from '../context.js';
import { tagsFor } from '../forum/answer-tags.js';
import { isForumPost } from '../forum/forum-post.js';
import { setForumTags } from '../forum/tags.js';
import { answersPrivately } from '../install-context.js';
import { sendOnInteraction } from '../interaction-reply.js';
import { outcomeMessages } from './outcome-messages.js';

export async function editWithOutcome(
  ctx: BotContext,
  i: ButtonInteraction | ModalSubmitInteraction,
  outcome: AnswerOutcome,
  root: string,
): Promise<void> {
  const thread = i.channel?.isThread() && isForumPost(ctx, i.channel) ? i.channel : undefined;
  const messages = outcomeMessages(outcome, { root, forum: !!thread });
  // An edit replaces the whole message: a line the new answer does not have must go.
  const [first, ...rest] = messages;
  await sendOnInteraction(ctx, i, [{ ...first!, content: first!.content ?? '' }, ...rest], answersPrivately(i));
  if (thread) await setForumTags(ctx, thread, tagsFor(outcome.result, !!outcome.question));
}
