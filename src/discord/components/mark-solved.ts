// "Mark solved" under a forum answer: the poster (or a moderator) closes the question. The post gets the Solved
// tag in place of Diagnosed / Needs info, the last cause given gets `fixed` feedback (through the conversation
// core, once), and the button goes away.
// A second click — or a retried delivery — finds the post solved and changes nothing.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type ButtonInteraction,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { onMarkSolved as markConversationSolved } from '../../chat/conversation/on-action.js';
import { CUSTOM_IDS } from '../commands/definitions.js';
import type { BotContext } from '../context.js';
import { conversationKey } from '../conversation/keys.js';
import { isForumPost } from '../forum/forum-post.js';
import { appliedForumTags, markForumSolved } from '../forum/tags.js';
import { sendWithRetry } from '../retry.js';

export function markSolvedButton(ruleId: string | undefined): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Success,
    label: 'Mark solved',
    emoji: { name: '✅' },
    custom_id: `${CUSTOM_IDS.solved}${ruleId ?? ''}`.slice(0, 100),
  };
}

/** The answer's rows without the "Mark solved" button. */
function withoutMarkSolved(i: ButtonInteraction): APIActionRowComponent<APIButtonComponent>[] {
  return i.message.components.flatMap((row) => {
    const json = row.toJSON() as APIActionRowComponent<APIButtonComponent>;
    const components = json.components.filter((c) => !('custom_id' in c && c.custom_id.startsWith(CUSTOM_IDS.solved)));
    return components.length ? [{ ...json, components }] : [];
  });
}

const ephemeral = (i: ButtonInteraction, content: string) => i.reply({ content, flags: MessageFlags.Ephemeral });

export async function onMarkSolved(ctx: BotContext, i: ButtonInteraction): Promise<void> {
  const thread = i.channel;
  if (!thread?.isThread() || !isForumPost(ctx, thread)) {
    await ephemeral(i, 'Mark solved works in the forum posts I answer.');
    return;
  }
  const moderator = i.memberPermissions?.has(PermissionFlagsBits.ManageThreads) ?? false;
  if (i.user.id !== thread.ownerId && !moderator) {
    await ephemeral(i, 'Only the person who opened this post (or a moderator) can mark it solved.');
    return;
  }
  const before = appliedForumTags(thread);
  if (before.includes('solved')) {
    await ephemeral(i, 'This post is already marked solved.');
    return;
  }
  // Acknowledge by taking the button away (within Discord's 3 s); the thread's state, tags and notice follow.
  await i.update({ components: withoutMarkSolved(i) });
  // The core marks the conversation solved once and records `fixed` for the last cause it gave (deps.feedback).
  const key = conversationKey(thread.guildId, thread.id, thread.id);
  const outcome = await markConversationSolved(ctx.conversation, { key, id: i.id, by: i.user.id });
  if (outcome.kind === 'duplicate') return;
  const tags = await markForumSolved(ctx, thread);
  ctx.log.info(
    {
      event: 'forum_marked_solved',
      rule: outcome.kind === 'solved' ? outcome.ruleId : i.customId.slice(CUSTOM_IDS.solved.length) || undefined,
      user: i.user.id,
      channel: thread.id,
      remembered: outcome.kind === 'solved',
    },
    'forum post marked solved',
  );
  const note = tags?.includes('solved')
    ? ''
    : ' (I could not set the Solved tag: I need Manage Threads here, and a "Solved" tag or Manage Channels to create it.)';
  await sendWithRetry(
    () => i.followUp({ content: `✅ Marked solved by <@${i.user.id}>.${note}`, allowedMentions: { parse: [] } }),
    ctx.backoffMs,
  );
}
