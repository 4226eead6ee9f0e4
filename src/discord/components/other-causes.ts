// "Other possible causes": the remaining candidate diagnoses, shown only to whoever asked.
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { otherCausesMessages } from '../answer.js';
import { CUSTOM_IDS } from '../commands/definitions.js';
import type { BotContext } from '../context.js';
import { sendOnInteraction } from '../interaction-reply.js';

export async function onOtherCauses(ctx: BotContext, i: ButtonInteraction): Promise<void> {
  const others = (await ctx.answers.load(i.customId.slice(CUSTOM_IDS.others.length)))?.diagnoses.slice(1);
  if (!others) {
    await i.reply({
      content: 'This answer is no longer kept (answers are kept for RETENTION_DAYS) — run /diagnose again.',
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await sendOnInteraction(ctx, i, otherCausesMessages(others), true);
}
