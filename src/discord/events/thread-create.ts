// A new thread: when it is a post in one of DISCORD_FORUM_CHANNELS, its opening message is answered and tagged.
import type { AnyThreadChannel } from 'discord.js';
import type { BotContext } from '../context.js';
import { answerForumPost } from '../forum/opening-post.js';

export function onThreadCreate(ctx: BotContext, thread: AnyThreadChannel, created: boolean): Promise<void> {
  return answerForumPost(ctx, thread, created);
}
