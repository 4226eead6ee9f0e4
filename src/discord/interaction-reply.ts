// Acknowledge, then answer: the first response to an interaction goes out before any slow work (Discord
// gives 3 s), the answer edits it later. Every send is retried on transient failures.

import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { leakWarning } from '../chat/leak-warning.js';
import type { DiagnoseResult } from '../index.js';
import { answerMessages, type OutMessage, runDiagnosis } from './answer.js';
import type { BotContext } from './context.js';
import { answersPrivately } from './install-context.js';
import { sendWithRetry } from './retry.js';

/** Rate-limit check, then defer. Resolves false (after telling the user) when the user is over the limit. */
export async function admit(ctx: BotContext, i: RepliableInteraction): Promise<boolean> {
  if (ctx.rateLimiter.take(i.user.id) !== 'allow') {
    const waitMs = ctx.rateLimiter.retryAfterMs(i.user.id);
    ctx.log.info({ event: 'rate_limited', user: i.user.id }, 'user over the request limit');
    await i.reply({
      content: `You are asking quickly — please try again in ${Math.ceil(waitMs / 1000)} s.`,
      flags: MessageFlags.Ephemeral,
    });
    return false;
  }
  await i.deferReply(answersPrivately(i) ? { flags: MessageFlags.Ephemeral } : {});
  return true;
}

/** Send messages on a deferred interaction: the first edits the deferred reply, the rest follow up. */
export async function sendOnInteraction(
  ctx: BotContext,
  i: RepliableInteraction,
  messages: OutMessage[],
  ephemeral = false,
): Promise<void> {
  const [first, ...rest] = messages;
  if (first) await sendWithRetry(() => i.editReply(first), ctx.backoffMs);
  for (const m of rest)
    await sendWithRetry(
      () => i.followUp({ ...m, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) }),
      ctx.backoffMs,
    );
}

async function warnEphemeral(ctx: BotContext, i: RepliableInteraction, content: string): Promise<void> {
  await sendWithRetry(() => i.followUp({ content, flags: MessageFlags.Ephemeral }), ctx.backoffMs);
}

/** Diagnose `text` and answer on the deferred interaction; unmatched direct requests get NO_MATCH_HELP. */
export async function answerDirect(
  ctx: BotContext,
  i: RepliableInteraction,
  text: string,
  source: string,
  secretNote = '',
): Promise<DiagnoseResult | undefined> {
  if (!text.trim()) {
    await sendWithRetry(
      () => i.editReply({ content: 'There is no text (or .txt/.log attachment) to diagnose here.' }),
      ctx.backoffMs,
    );
    return undefined;
  }
  const result = await runDiagnosis(ctx, text);
  ctx.log.info(
    {
      event: 'diagnosed',
      source,
      user: i.user.id,
      guild: i.guildId,
      matched: result.matched,
      rule: result.diagnoses[0]?.id,
      secretsFound: result.secretsFound,
    },
    'answered a direct request',
  );
  await sendOnInteraction(ctx, i, await answerMessages(ctx, result), answersPrivately(i));
  if (result.secretsFound) await warnEphemeral(ctx, i, `${leakWarning()}${secretNote}`);
  return result;
}
