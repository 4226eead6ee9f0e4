// "Correct a fact": a small form (Discord modal) with the facts the answer rests on, filled with what was read;
// submitting re-reads the conversation's last error with the corrected facts and edits the answer in place.
// Typed values are checked (and a key typed into a field refused) by the shared core before anything reads them.
import {
  type ButtonInteraction,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  type ModalSubmitInteraction,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import {
  CORRECTABLE_FACTS,
  CORRECTION_LABELS,
  type CorrectableFact,
  correctionDefaults,
} from '../../chat/conversation/corrections.js';
import { onCorrect } from '../../chat/conversation/on-action.js';
import type { AnswerFacts } from '../../index.js';
import { CUSTOM_IDS } from '../commands/definitions.js';
import type { BotContext } from '../context.js';
import { editWithOutcome } from '../conversation/edit-answer.js';
import { conversationKey } from '../conversation/keys.js';
import { POLICY } from '../policy.js';
import { sendWithRetry } from '../retry.js';

/** A Discord modal holds five fields: the first five of the shared list (the client is left out). */
const FIELDS = CORRECTABLE_FACTS.slice(0, 5);
const fieldId = (fact: CorrectableFact) => `bd:fact:${fact}`;
/** Discord's limits: a label 45 characters, its description 100, a value as long as the core accepts. */
const LABEL_MAX = 45;
const VALUE_MAX = 300;
const STALE = 'I no longer remember this conversation — paste the error again and correct it from the new answer.';

function correctionModal(root: string, defaults: Partial<Record<CorrectableFact, string>>): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(`${CUSTOM_IDS.correctModal}${root}`)
    .setTitle('Correct a fact')
    .addLabelComponents(
      FIELDS.map((fact) => {
        const full = CORRECTION_LABELS[fact];
        const short = full.replace(/\s*\(.*$/, '').slice(0, LABEL_MAX);
        const input = new TextInputBuilder()
          .setCustomId(fieldId(fact))
          .setStyle(TextInputStyle.Short)
          .setRequired(false)
          .setMaxLength(VALUE_MAX);
        if (defaults[fact]) input.setValue(defaults[fact].slice(0, VALUE_MAX));
        const label = new LabelBuilder().setLabel(short).setTextInputComponent(input);
        return short === full ? label : label.setDescription(full.slice(0, 100));
      }),
    );
}

/** Resolves with `p`, or undefined once `ms` have passed (the modal must open within Discord's 3 s). */
function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([
    p.catch(() => undefined),
    new Promise<undefined>((r) => setTimeout(() => r(undefined), ms).unref()),
  ]);
}

export async function onCorrectFactButton(ctx: BotContext, i: ButtonInteraction): Promise<void> {
  const root = i.customId.slice(CUSTOM_IDS.correct.length);
  const key = conversationKey(i.guildId, i.channelId, root);
  // A modal must be the first response: the facts prefill it only when the store answers in time.
  const state = await within(ctx.conversation.threads.load(key), POLICY.modalDefaultsMs);
  await i.showModal(correctionModal(root, correctionDefaults((state?.facts ?? {}) as AnswerFacts)));
}

/** A field's value; a field the submission lacks (an older form) counts as left blank. */
function fieldValue(i: ModalSubmitInteraction, id: string): string | undefined {
  try {
    return i.fields.getTextInputValue(id);
  } catch {
    return undefined;
  }
}

export async function onCorrectFactSubmit(ctx: BotContext, i: ModalSubmitInteraction): Promise<void> {
  const root = i.customId.slice(CUSTOM_IDS.correctModal.length);
  const key = conversationKey(i.guildId, i.channelId ?? root, root);
  // Opened from the answer's button: acknowledge by updating that message (the new answer replaces it).
  if (i.isFromMessage()) await i.deferUpdate();
  else await i.deferReply({ flags: MessageFlags.Ephemeral });
  const values: Record<string, string | undefined> = {};
  for (const fact of FIELDS) values[fact] = fieldValue(i, fieldId(fact));
  const outcome = await onCorrect(ctx.conversation, { key, id: i.id, by: i.user.id, values });
  ctx.log.info({ event: 'fact_corrected', outcome: outcome.kind }, 'correct a fact submitted');
  const tell = (content: string) =>
    sendWithRetry(() => i.followUp({ content, flags: MessageFlags.Ephemeral }), ctx.backoffMs);
  if (outcome.kind === 'duplicate') return;
  if (outcome.kind === 'invalid') await tell(outcome.problems.map((p) => `• ${p.message}`).join('\n'));
  else if (outcome.kind !== 'answer') await tell(STALE);
  else await editWithOutcome(ctx, i, outcome, root);
}
