// Routes every interaction to its handler; a failing handler is logged and the user told, never rethrown.
import { type Interaction, MessageFlags } from 'discord.js';
import { onDiagnoseContextMenu } from '../commands/context-menu.js';
import { CONTEXT_MENU_NAME, CUSTOM_IDS, DIAGNOSE_COMMAND_NAME } from '../commands/definitions.js';
import { onDiagnoseCommand } from '../commands/diagnose.js';
import { onDiagnoseModal } from '../commands/modal.js';
import { onFeedback } from '../components/feedback.js';
import { onOtherCauses } from '../components/other-causes.js';
import { type BotContext, errorSummary } from '../context.js';

const SORRY = 'Something went wrong while answering — please try again in a moment.';

async function route(ctx: BotContext, i: Interaction): Promise<void> {
  if (i.isChatInputCommand() && i.commandName === DIAGNOSE_COMMAND_NAME) return onDiagnoseCommand(ctx, i);
  if (i.isMessageContextMenuCommand() && i.commandName === CONTEXT_MENU_NAME) return onDiagnoseContextMenu(ctx, i);
  if (i.isModalSubmit() && i.customId === CUSTOM_IDS.modal) return onDiagnoseModal(ctx, i);
  if (i.isButton()) {
    if (i.customId.startsWith(CUSTOM_IDS.fixed) || i.customId.startsWith(CUSTOM_IDS.notIt)) return onFeedback(ctx, i);
    if (i.customId.startsWith(CUSTOM_IDS.others)) return onOtherCauses(ctx, i);
  }
  ctx.log.debug({ event: 'interaction_ignored', type: i.type }, 'interaction not for us');
}

export async function onInteraction(ctx: BotContext, i: Interaction): Promise<void> {
  try {
    await route(ctx, i);
  } catch (err) {
    ctx.log.error({ event: 'interaction_failed', type: i.type, err: errorSummary(err) }, 'interaction handler failed');
    if (!i.isRepliable()) return;
    try {
      if (i.deferred || i.replied) await i.editReply({ content: SORRY, embeds: [], components: [] });
      else await i.reply({ content: SORRY, flags: MessageFlags.Ephemeral });
    } catch (inner) {
      ctx.log.warn({ event: 'apology_failed', err: errorSummary(inner) }, 'could not tell the user either');
    }
  }
}
