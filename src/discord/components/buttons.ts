// The buttons under an answer: feedback, and "Other possible causes" when several rules matched.

import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import { DISCORD_LIMITS } from '../../index.js';
import { CUSTOM_IDS } from '../commands/definitions.js';

const id = (prefix: string, suffix: string) => `${prefix}${suffix}`.slice(0, DISCORD_LIMITS.customId);

/** Every button carries the answer's id: feedback finds the rule version it judges, "others" the stored answer. */
export function answerButtons(answerId: string, others: boolean): APIActionRowComponent<APIButtonComponent> {
  const buttons: APIButtonComponent[] = [
    {
      type: ComponentType.Button,
      style: ButtonStyle.Success,
      label: 'This fixed it',
      custom_id: id(CUSTOM_IDS.fixed, answerId),
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'Not it',
      custom_id: id(CUSTOM_IDS.notIt, answerId),
    },
  ];
  if (others)
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'Other possible causes',
      custom_id: id(CUSTOM_IDS.others, answerId),
    });
  return { type: ComponentType.ActionRow, components: buttons };
}
