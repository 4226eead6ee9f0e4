// Which conversation a Discord message or click belongs to. A thread (a forum post, a thread under a watched
// channel) is one conversation; outside threads a conversation is rooted at the first paste (a watched message,
// or the command that asked) and continues through replies to the bot's answer. Buttons carry the root in their
// custom id, so a click — even after a restart — finds its conversation without any lookup table.
import type { Message } from 'discord.js';

/** `discord:<guild, or "dm">:<channel>:<root>` (thread-store.ts's key shape). In a thread, channel = root = thread. */
export function conversationKey(guildId: string | null, channelId: string, rootId: string): string {
  return `discord:${guildId ?? 'dm'}:${channelId}:${rootId}`;
}

/**
 * The conversation root a reply continues, and whether it replied to the bot: the bot's answer leads back to what
 * it answered (the paste it replied to, or the command that asked).
 */
export async function replyRoot(
  m: Message,
  botId: string | undefined,
): Promise<{ root: string; toBot: boolean } | undefined> {
  if (!m.reference?.messageId) return undefined;
  let ref: Message;
  try {
    ref = await m.fetchReference();
  } catch {
    return undefined; // deleted meanwhile, or not readable: not a conversation we can continue
  }
  if (ref.author.id !== botId) return { root: ref.id, toBot: false };
  return { root: ref.interactionMetadata?.id ?? ref.reference?.messageId ?? ref.id, toBot: true };
}
