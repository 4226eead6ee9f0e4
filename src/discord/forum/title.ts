// A key in a forum post's title stays on the forum's list for everyone to see even after the opening message is
// deleted: rename the post to its redacted title when the bot may (Manage Threads).
import { type AnyThreadChannel, PermissionFlagsBits } from 'discord.js';
import { redact } from '../../index.js';
import { type BotContext, errorSummary } from '../context.js';
import { sendWithRetry } from '../retry.js';

/** Returns whether the title held a secret and was renamed. */
export async function redactTitle(ctx: BotContext, thread: AnyThreadChannel): Promise<boolean> {
  const { text, findings } = redact(thread.name);
  if (!findings.length) return false;
  const me = ctx.client.user;
  if (!me || !thread.permissionsFor(me)?.has(PermissionFlagsBits.ManageThreads)) {
    ctx.log.info({ event: 'secret_title_kept', thread: thread.id }, 'renaming a post needs Manage Threads');
    return false;
  }
  try {
    // Discord's limit for a thread name is 100 characters.
    await sendWithRetry<unknown>(() => thread.setName(text.slice(0, 100)), ctx.backoffMs);
    ctx.log.info({ event: 'secret_title_redacted', thread: thread.id }, 'renamed a post that held a key');
    return true;
  } catch (err) {
    ctx.log.warn({ event: 'secret_title_failed', thread: thread.id, err: errorSummary(err) }, 'could not rename');
    return false;
  }
}
