// A pasted key in a watched channel: delete the message when we may (Manage Messages) and say so.

import type { Message } from 'discord.js';
import { SECRET_WARNING } from '../index.js';
import { type BotContext, errorSummary } from './context.js';
import { withRetry } from './retry.js';

/** Deletes the message if the bot is allowed to; returns whether it is gone. */
export async function deleteLeakedMessage(ctx: BotContext, message: Message): Promise<boolean> {
  if (!message.deletable) return false;
  try {
    await withRetry(() => message.delete(), ctx.backoffMs);
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
  const what = deleted
    ? 'I deleted your message because it contained a secret.'
    : 'I could not delete your message (I need the Manage Messages permission here) — please delete it yourself.';
  return `<@${userId}> ${what} ${SECRET_WARNING}`;
}
