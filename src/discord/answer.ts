// Turns a DiagnoseResult into the messages the bot sends: embeds packed within Discord's limits,
// buttons on the last message. The pasted text never appears: only diagnose()'s redacted output does.

import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { rememberAnswer } from '../chat/answer-store.js';
import { type DiagnoseResult, diagnose, packMessages, renderDiagnosisEmbeds, renderDiscordMessages } from '../index.js';
import { answerButtons } from './components/buttons.js';
import { type BotContext, errorSummary } from './context.js';

export interface OutMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

export function runDiagnosis(ctx: BotContext, text: string): Promise<DiagnoseResult> {
  return ctx.concurrency.run(() => diagnose(text, { rules: ctx.rules.current() }));
}

export async function answerMessages(ctx: BotContext, result: DiagnoseResult): Promise<OutMessage[]> {
  const messages: OutMessage[] = renderDiscordMessages(result).map((embeds) => ({ embeds, components: [] }));
  const top = result.diagnoses[0];
  if (result.matched && top) {
    const others = result.diagnoses.length > 1;
    const key = others
      ? await rememberAnswer(ctx.answers, result, 'discord', (err) =>
          ctx.log.warn({ event: 'answer_store_failed', err: errorSummary(err) }, 'could not keep the answer'),
        )
      : undefined;
    messages.at(-1)!.components = [answerButtons(top.id, key)];
  }
  return messages;
}

/** The other candidates, for the "Other possible causes" button. */
export function otherCausesMessages(others: DiagnoseResult['diagnoses']): OutMessage[] {
  return packMessages(others.flatMap(renderDiagnosisEmbeds)).map((embeds) => ({ embeds, components: [] }));
}
