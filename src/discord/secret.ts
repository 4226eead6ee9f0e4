// A pasted key in a watched channel: delete the message when we may (Manage Messages) and say so.

import type { Message } from 'discord.js';
import { leakWarning } from '../chat/leak-warning.js';
import { type BotContext, errorSummary } from './context.js';
import { sendWithRetry } from './retry.js';

/** Deletes the message if the bot is allowed to; returns whether it is gone. */
export async function deleteLeakedMessage(ctx: BotContext, message: Message): Promise<boolean> {
  if (!message.deletable) return false;
  try {
    await sendWithRetry(() => message.delete(), ctx.backoffMs);
    ctx.log.info(
      { event: 'secret_deleted', channel: message.channelId, user: message.author.id },
      'deleted a leaked key',
    );
    return true;
  } catch (err) {
    ctx.log.warn({ event: 'secret_delete_failed', err: errorSummary(err) }, 'could not delete a leaked key');
    return false;
  }
}

/** The channel notice for a leaked key in a watched channel (regular messages have no ephemeral replies). */
export function leakNotice(userId: string, deleted: boolean): string {
  return `<@${userId}> ${leakWarning(deleted)}`;
}
