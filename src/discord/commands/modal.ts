// `/diagnose` without options opens this modal: one paragraph field for long pastes.
import { LabelBuilder, ModalBuilder, type ModalSubmitInteraction, TextInputBuilder, TextInputStyle } from 'discord.js';
import type { BotContext } from '../context.js';
import { admit, answerDirect } from '../interaction-reply.js';
import { CUSTOM_IDS } from './definitions.js';

/** Discord's maximum for a text input. */
const MODAL_TEXT_MAX = 4000;

export function diagnoseModal(): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(CUSTOM_IDS.modal)
    .setTitle('Diagnose a Model Studio error')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Error text or log')
        .setDescription('Status line, JSON body, traceback… Never paste the API key itself.')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(CUSTOM_IDS.modalField)
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(true)
            .setMaxLength(MODAL_TEXT_MAX),
        ),
    );
}

export async function onDiagnoseModal(ctx: BotContext, i: ModalSubmitInteraction): Promise<void> {
  if (!(await admit(ctx, i))) return;
  await answerDirect(ctx, i, i.fields.getTextInputValue(CUSTOM_IDS.modalField), 'modal');
}
