// The shape of a message the bot sends, one diagnosis outside a conversation, and the "Other possible causes"
// messages. The pasted text never appears: only diagnose()'s redacted output does. (Answers in a conversation:
// conversation/outcome-messages.ts.)

import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { type DiagnoseResult, diagnose, packMessages, renderDiagnosisEmbeds } from '../index.js';
import type { BotContext } from './context.js';

export interface OutMessage {
  /** A line above the embeds (what the answer builds on, the question asked); absent on most messages. */
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

export function runDiagnosis(ctx: BotContext, text: string): Promise<DiagnoseResult> {
  return ctx.concurrency.run(() => diagnose(text, { rules: ctx.rules.current() }));
}

/** The other candidates, for the "Other possible causes" button. */
export function otherCausesMessages(others: DiagnoseResult['diagnoses']): OutMessage[] {
  return packMessages(others.flatMap((d) => renderDiagnosisEmbeds(d))).map((embeds) => ({ embeds, components: [] }));
}
