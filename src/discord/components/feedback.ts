// "This fixed it" / "Not it": logged for rule authors (which rule, which verdict — no text), acknowledged ephemerally.
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { CUSTOM_IDS } from '../commands/definitions.js';
import type { BotContext } from '../context.js';
import { solveFromFixedClick } from '../conversation/fixed-click.js';

export async function onFeedback(ctx: BotContext, i: ButtonInteraction): Promise<void> {
  const fixed = i.customId.startsWith(CUSTOM_IDS.fixed);
  const ruleId = i.customId.slice((fixed ? CUSTOM_IDS.fixed : CUSTOM_IDS.notIt).length);
  ctx.log.info(
    {
      event: 'feedback',
      verdict: fixed ? 'fixed' : 'not_it',
      rule: ruleId,
      user: i.user.id,
      guild: i.guildId,
      channel: i.channelId,
      message: i.message.id,
    },
    'diagnosis feedback',
  );
  await i.reply({
    content: fixed
      ? 'Thanks — glad that fixed it. Your feedback helps us rank this answer.'
      : 'Thanks — noted. Try "Other possible causes" if offered, or run /diagnose with the full error body, the base URL and the model.',
    flags: MessageFlags.Ephemeral,
  });
  if (fixed) await solveFromFixedClick(ctx, i);
}
