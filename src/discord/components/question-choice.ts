// An answer to the differential question ("Which base URL do you call?" → Singapore): the thread's last error is
// read again with that fact and the answer is edited in place (the same message, so replies to it still continue
// the conversation). "other" asks for the value in the thread. A second click or a retried delivery does nothing.
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { onChoice as chooseAnswer } from '../../chat/conversation/on-action.js';
import type { BotContext } from '../context.js';
import { parseChoice } from '../conversation/components.js';
import { editWithOutcome } from '../conversation/edit-answer.js';
import { conversationKey } from '../conversation/keys.js';
import { sendWithRetry } from '../retry.js';

const STALE = 'This question belongs to an answer I no longer remember — paste the error again and I will ask anew.';

export async function onQuestionChoice(ctx: BotContext, i: ButtonInteraction): Promise<void> {
  const parsed = parseChoice(i.customId);
  if (!parsed) {
    await i.reply({ content: STALE, flags: MessageFlags.Ephemeral });
    return;
  }
  await i.deferUpdate(); // within Discord's 3 s; the re-diagnosis follows
  const key = conversationKey(i.guildId, i.channelId ?? '', parsed.root);
  const outcome = await chooseAnswer(ctx.conversation, { key, id: i.id, by: i.user.id, ...parsed });
  ctx.log.info(
    { event: 'question_answered', question: parsed.questionId, choice: parsed.choice, outcome: outcome.kind },
    'differential question answered',
  );
  const tell = (content: string) =>
    sendWithRetry(() => i.followUp({ content, flags: MessageFlags.Ephemeral }), ctx.backoffMs);
  if (outcome.kind === 'duplicate') return;
  if (outcome.kind === 'prompt') await tell(outcome.text);
  else if (outcome.kind !== 'answer') await tell(STALE);
  else await editWithOutcome(ctx, i, outcome, parsed.root);
}
