// What counts as a post in one of DISCORD_FORUM_CHANNELS, and the forum it sits in.
import type { AnyThreadChannel, ForumChannel, MediaChannel } from 'discord.js';
import type { BotContext } from '../context.js';

export type Forum = ForumChannel | MediaChannel;

/** A thread whose parent is a listed forum (or media) channel. */
export function isForumPost(ctx: BotContext, channel: { isThread(): boolean; parentId?: string | null }): boolean {
  return channel.isThread() && !!channel.parentId && ctx.config.forumChannels.has(channel.parentId);
}

export function forumOf(thread: AnyThreadChannel): Forum | undefined {
  const parent = thread.parent;
  return parent?.isThreadOnly() ? parent : undefined;
}
