// "This fixed it" under an answer in a conversation also closes the conversation: its state becomes solved (the
// button's own verdict is the feedback, so the core records none) and a forum post gets the Solved tag.
import type { ButtonInteraction } from 'discord.js';
import { onMarkSolved } from '../../chat/conversation/on-action.js';
import type { BotContext } from '../context.js';
import { isForumPost } from '../forum/forum-post.js';
import { markForumSolved } from '../forum/tags.js';
import { conversationKey } from './keys.js';

/** The conversation the answer under the button belongs to (conversation/keys.ts). */
function rootOf(i: ButtonInteraction): string | undefined {
  if (i.channel?.isThread()) return i.channel.id;
  return i.message.interactionMetadata?.id ?? i.message.reference?.messageId ?? undefined;
}

export async function solveFromFixedClick(ctx: BotContext, i: ButtonInteraction): Promise<void> {
  const root = rootOf(i);
  if (!root) return;
  const key = conversationKey(i.guildId, i.channelId, root);
  const outcome = await onMarkSolved(ctx.conversation, { key, id: i.id, by: i.user.id, recordFeedback: false });
  if (outcome.kind !== 'solved') return;
  const thread = i.channel?.isThread() && isForumPost(ctx, i.channel) ? i.channel : undefined;
  if (thread) await markForumSolved(ctx, thread);
}
