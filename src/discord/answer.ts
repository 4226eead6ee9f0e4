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

/**
 * What each result was diagnosed from, and the rule version of its top diagnosis, so answerMessages can hand a
 * miss's paste to storage (for the gaps report) without every handler carrying them. Weak: dropped with the result.
 */
const diagnosed = new WeakMap<DiagnoseResult, { text: string; ruleVersion: string | null }>();

export async function runDiagnosis(ctx: BotContext, text: string): Promise<DiagnoseResult> {
  const rules = ctx.rules.current();
  const result = await ctx.concurrency.run(() => diagnose(text, { rules }));
  const top = result.diagnoses[0];
  diagnosed.set(result, { text, ruleVersion: top ? (rules.get(top.id)?.version ?? null) : null });
  return result;
}

/** Every answer is kept (its id is on the buttons); a storage failure costs the buttons, never the answer. */
export async function answerMessages(ctx: BotContext, result: DiagnoseResult): Promise<OutMessage[]> {
  const messages: OutMessage[] = renderDiscordMessages(result).map((embeds) => ({ embeds, components: [] }));
  const answerId = await rememberAnswer(
    ctx.answers,
    result,
    'discord',
    (err) => ctx.log.warn({ event: 'answer_store_failed', err: errorSummary(err) }, 'could not keep the answer'),
    diagnosed.get(result),
  );
  const top = result.diagnoses[0];
  if (result.matched && top) messages.at(-1)!.components = [answerButtons(answerId, result.diagnoses.length > 1)];
  return messages;
}

/** The other candidates, for the "Other possible causes" button. */
export function otherCausesMessages(others: DiagnoseResult['diagnoses']): OutMessage[] {
  return packMessages(others.flatMap(renderDiagnosisEmbeds)).map((embeds) => ({ embeds, components: [] }));
}
