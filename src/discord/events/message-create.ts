// Passive watching: in DISCORD_WATCH_CHANNELS the bot answers confident Model Studio errors and stays
// silent on everything else. Bots (and itself) are ignored; a leaked key is deleted when allowed.
import type { Message } from 'discord.js';
import { answerMessages, runDiagnosis } from '../answer.js';
import { readAttachments } from '../attachments.js';
import { type BotContext, errorSummary } from '../context.js';
import { isForumPost } from '../forum/forum-post.js';
import { sendWithRetry } from '../retry.js';
import { deleteLeakedMessage, leakNotice } from '../secret.js';

function isWatched(ctx: BotContext, m: Message): boolean {
  if (ctx.config.watchChannels.has(m.channelId)) return true;
  // Threads opened under a watched channel are part of it.
  const parent = m.channel.isThread() ? m.channel.parentId : null;
  return parent !== null && ctx.config.watchChannels.has(parent);
}

type Outcome = 'ignored' | 'forum_opening' | 'unwatched' | 'empty' | 'silent' | 'rate_limited' | 'warned' | 'answered';

async function handle(ctx: BotContext, m: Message): Promise<Outcome> {
  if (m.author.bot || m.author.id === ctx.client.user?.id || m.webhookId || m.system) return 'ignored';
  // A forum post's opening message has the thread's id; the new thread is answered as a whole (thread-create.ts).
  if (m.id === m.channelId && isForumPost(ctx, m.channel)) return 'forum_opening';
  if (!isWatched(ctx, m)) return 'unwatched';
  const files = await readAttachments(m.attachments.values(), ctx.config.apiUrl, () => {});
  const text = [m.content, files].filter(Boolean).join('\n');
  if (!text.trim()) return 'empty';
  const result = await runDiagnosis(ctx, text);
  if (!result.matched && !result.secretsFound) return 'silent'; // silence: not sure, or not an error at all
  const deleted = result.secretsFound ? await deleteLeakedMessage(ctx, m) : false;
  if (ctx.rateLimiter.take(m.author.id) !== 'allow') {
    ctx.log.info({ event: 'rate_limited', user: m.author.id, channel: m.channelId }, 'passive answer skipped');
    return 'rate_limited';
  }
  ctx.log.info(
    {
      event: 'diagnosed',
      source: 'watch',
      user: m.author.id,
      channel: m.channelId,
      matched: result.matched,
      rule: result.diagnoses[0]?.id,
      secretsFound: result.secretsFound,
      deleted,
    },
    'answered a watched message',
  );
  if (!m.channel.isSendable()) return 'ignored';
  const channel = m.channel;
  const send = (payload: Parameters<typeof channel.send>[0]) =>
    sendWithRetry(async () => void (await channel.send(payload)), ctx.backoffMs);
  if (result.secretsFound)
    await send({ content: leakNotice(m.author.id, deleted), allowedMentions: { users: [m.author.id] } });
  if (!result.matched) return 'warned';
  const [first, ...rest] = await answerMessages(ctx, result);
  if (!first) return 'warned';
  // Reply to the message when it still exists; a deleted one can only be answered in the channel.
  if (deleted) await send(first);
  else await sendWithRetry(async () => void (await m.reply(first)), ctx.backoffMs);
  for (const msg of rest) await send(msg);
  return 'answered';
}

export async function onMessage(ctx: BotContext, m: Message): Promise<void> {
  try {
    const outcome = await handle(ctx, m);
    ctx.log.debug({ event: 'message_handled', message: m.id, outcome }, 'message handled');
  } catch (err) {
    ctx.log.error({ event: 'message_failed', channel: m.channelId, err: errorSummary(err) }, 'watched message failed');
    ctx.log.debug({ event: 'message_handled', message: m.id, outcome: 'failed' }, 'message handled');
  }
}
