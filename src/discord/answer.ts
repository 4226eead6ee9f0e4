// Turns a DiagnoseResult into the messages the bot sends: embeds packed within Discord's limits,
// buttons on the last message. The pasted text never appears: only diagnose()'s redacted output does.

import { type APIActionRowComponent, type APIButtonComponent, type APIEmbed, ComponentType } from 'discord.js';
import { rememberAnswer } from '../chat/answer-store.js';
import { type DiagnoseResult, diagnose, packMessages, renderDiagnosisEmbeds, renderDiscordMessages } from '../index.js';
import { answerButtons } from './components/buttons.js';
import { type BotContext, errorSummary } from './context.js';

export interface OutMessage {
  /** A line above the embeds (what the answer builds on, the question asked); absent on most messages. */
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

export function runDiagnosis(ctx: BotContext, text: string): Promise<DiagnoseResult> {
  return ctx.concurrency.run(() => diagnose(text, { rules: ctx.rules.current() }));
}

/** `extra`: buttons a surface adds under the answer (a forum post's "Mark solved"), after the feedback ones. */
export async function answerMessages(
  ctx: BotContext,
  result: DiagnoseResult,
  extra: APIButtonComponent[] = [],
): Promise<OutMessage[]> {
  const messages: OutMessage[] = renderDiscordMessages(result).map((embeds) => ({ embeds, components: [] }));
  const top = result.diagnoses[0];
  const last = messages.at(-1)!;
  if (result.matched && top) {
    const others = result.diagnoses.length > 1;
    const key = others
      ? await rememberAnswer(ctx.answers, result, 'discord', (err) =>
          ctx.log.warn({ event: 'answer_store_failed', err: errorSummary(err) }, 'could not keep the answer'),
        )
      : undefined;
    last.components = [answerButtons(top.id, key)];
  }
  if (extra.length) {
    const row = last.components[0];
    if (row) row.components.push(...extra);
    else last.components = [{ type: ComponentType.ActionRow, components: extra }];
  }
  return messages;
}

/** The other candidates, for the "Other possible causes" button. */
export function otherCausesMessages(others: DiagnoseResult['diagnoses']): OutMessage[] {
  return packMessages(others.flatMap((d) => renderDiagnosisEmbeds(d))).map((embeds) => ({ embeds, components: [] }));
}
