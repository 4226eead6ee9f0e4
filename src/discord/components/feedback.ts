// "This fixed it" / "Not it": filed against the rule version the answer showed (the button carries the answer's
// id), logged for rule authors (which answer, which verdict — no text), and acknowledged ephemerally with exactly
// what happens to the verdict.
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { FEEDBACK_ANSWER_GONE, FEEDBACK_NOT_KEPT, feedbackNote } from '../../index.js';
import { CUSTOM_IDS } from '../commands/definitions.js';
import { type BotContext, errorSummary } from '../context.js';

const THANKS = {
  fixed: 'Thanks — glad that fixed it.',
  not_it:
    'Thanks. Try "Other possible causes" if offered, or run /diagnose with the full error body, the base URL and the model.',
} as const;

/** Without storage a verdict goes to the log alone: say so. */
const LOG_ONLY = 'It was written to the bot’s log only: this bot keeps no storage.';

async function file(ctx: BotContext, verdict: 'fixed' | 'not_it', answerId: string, user: string): Promise<string> {
  if (!ctx.learning) return LOG_ONLY;
  try {
    const filed = await ctx.learning.feedback({ answerId, verdict, surface: 'discord', voter: `discord:${user}` });
    return filed ? feedbackNote(filed) : FEEDBACK_ANSWER_GONE;
  } catch (err) {
    ctx.log.warn({ event: 'feedback_store_failed', err: errorSummary(err) }, 'could not keep a verdict');
    return FEEDBACK_NOT_KEPT;
  }
}

export async function onFeedback(ctx: BotContext, i: ButtonInteraction): Promise<void> {
  const fixed = i.customId.startsWith(CUSTOM_IDS.fixed);
  const verdict = fixed ? 'fixed' : 'not_it';
  const answerId = i.customId.slice((fixed ? CUSTOM_IDS.fixed : CUSTOM_IDS.notIt).length);
  // The rule judged, for the log line rule authors read (the kept answer knows it).
  const rule = (await ctx.answers.load(answerId))?.diagnoses[0]?.id ?? null;
  ctx.log.info(
    {
      event: 'feedback',
      verdict,
      rule,
      answer: answerId,
      user: i.user.id,
      guild: i.guildId,
      channel: i.channelId,
      message: i.message.id,
    },
    'diagnosis feedback',
  );
  const what = await file(ctx, verdict, answerId, i.user.id);
  await i.reply({ content: `${THANKS[verdict]} ${what}`, flags: MessageFlags.Ephemeral });
}
