// Routes every interaction to its handler; a failing handler is logged and the user told, never rethrown.
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
} from 'discord.js';
import { CHECK_COMMAND_NAME, CHECK_IDS, onCheckCommand, onCheckModal } from '../commands/check.js';
import { onDiagnoseContextMenu } from '../commands/context-menu.js';
import { CONTEXT_MENU_NAME, CUSTOM_IDS, DIAGNOSE_COMMAND_NAME } from '../commands/definitions.js';
import { onDiagnoseCommand } from '../commands/diagnose.js';
import { onDiagnoseModal } from '../commands/modal.js';
import { onCorrectFactButton, onCorrectFactSubmit } from '../components/correct-fact.js';
import { onClaim, onEscalate } from '../components/escalate.js';
import { onFeedback } from '../components/feedback.js';
import { onMarkSolved } from '../components/mark-solved.js';
import { onOtherCauses } from '../components/other-causes.js';
import { onQuestionChoice } from '../components/question-choice.js';
import { type BotContext, errorSummary } from '../context.js';

const SORRY = 'Something went wrong while answering — please try again in a moment.';

type Handler<I> = (ctx: BotContext, i: I) => Promise<void>;

/** Slash commands and message context-menu commands, by command name. */
const SLASH_COMMANDS = new Map<string, Handler<ChatInputCommandInteraction>>([
  [DIAGNOSE_COMMAND_NAME, onDiagnoseCommand],
  [CHECK_COMMAND_NAME, onCheckCommand],
]);
const MESSAGE_COMMANDS = new Map<string, Handler<MessageContextMenuCommandInteraction>>([
  [CONTEXT_MENU_NAME, onDiagnoseContextMenu],
]);
/** Buttons, by custom-id prefix (the rest of the id carries the rule or answer). */
const BUTTONS: [string, Handler<ButtonInteraction>][] = [
  [CUSTOM_IDS.fixed, onFeedback],
  [CUSTOM_IDS.notIt, onFeedback],
  [CUSTOM_IDS.others, onOtherCauses],
  [CUSTOM_IDS.solved, onMarkSolved],
  [CUSTOM_IDS.choice, onQuestionChoice],
  [CUSTOM_IDS.correct, onCorrectFactButton],
  [CUSTOM_IDS.escalate, onEscalate],
  [CUSTOM_IDS.claim, onClaim],
];

/** The handler for `i`, or undefined when the interaction is not ours. */
function handlerFor(ctx: BotContext, i: Interaction): (() => Promise<void>) | undefined {
  if (i.isChatInputCommand()) {
    const handle = SLASH_COMMANDS.get(i.commandName);
    return handle && (() => handle(ctx, i));
  }
  if (i.isMessageContextMenuCommand()) {
    const handle = MESSAGE_COMMANDS.get(i.commandName);
    return handle && (() => handle(ctx, i));
  }
  if (i.isModalSubmit() && i.customId === CUSTOM_IDS.modal) return () => onDiagnoseModal(ctx, i);
  if (i.isModalSubmit() && i.customId.startsWith(CUSTOM_IDS.correctModal)) return () => onCorrectFactSubmit(ctx, i);
  if (i.isModalSubmit() && i.customId === CHECK_IDS.modal) return () => onCheckModal(ctx, i);
  if (i.isButton()) {
    const handle = BUTTONS.find(([prefix]) => i.customId.startsWith(prefix))?.[1];
    return handle && (() => handle(ctx, i));
  }
  return undefined;
}

async function route(ctx: BotContext, i: Interaction): Promise<void> {
  const handle = handlerFor(ctx, i);
  if (handle) return handle();
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
