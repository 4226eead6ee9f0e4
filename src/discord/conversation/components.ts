// The conversation's rows under an answer: the differential question's choices, then "Correct a fact",
// "Escalate" (and "Mark solved" on a forum post). Every id ends in the conversation root.
import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { DifferentialQuestion } from '../../chat/conversation/differential.js';
import { DISCORD_LIMITS } from '../../index.js';
import { CUSTOM_IDS } from '../commands/definitions.js';

type Row = APIActionRowComponent<APIButtonComponent>;

type Style = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;

const button = (label: string, customId: string, style: Style = ButtonStyle.Secondary): APIButtonComponent => ({
  type: ComponentType.Button,
  style,
  label: label.slice(0, 80),
  custom_id: customId.slice(0, DISCORD_LIMITS.customId),
});

/** One button per answer (at most five, Discord's row). `bd:q:<question>:<choice>:<root>`. */
export function questionRow(q: DifferentialQuestion, root: string): Row {
  return {
    type: ComponentType.ActionRow,
    components: q.question.choices
      .slice(0, DISCORD_LIMITS.rowButtons)
      .map((c, n) => button(c.label, `${CUSTOM_IDS.choice}${q.question.id}:${n}:${root}`, ButtonStyle.Primary)),
  };
}

export function conversationRow(root: string, extra: APIButtonComponent[] = []): Row {
  return {
    type: ComponentType.ActionRow,
    components: [
      button('Correct a fact', `${CUSTOM_IDS.correct}${root}`),
      button('Escalate', `${CUSTOM_IDS.escalate}${root}`, ButtonStyle.Danger),
      ...extra,
    ].slice(0, DISCORD_LIMITS.rowButtons),
  };
}

/** Parses `bd:q:<question>:<choice>:<root>`. */
export function parseChoice(customId: string): { questionId: string; choice: number; root: string } | undefined {
  const [questionId, choice, root] = customId.slice(CUSTOM_IDS.choice.length).split(':');
  if (!questionId || !root || !/^\d+$/.test(choice ?? '')) return undefined;
  return { questionId, choice: Number(choice), root };
}
