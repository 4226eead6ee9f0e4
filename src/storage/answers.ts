// Every answer given: who asked through which surface, what it said (rule, version, confidence, facts signature),
// and the redacted result itself, so a button pressed after a restart or on another replica still works.

import { type Signature, signatureOf } from '../learning/signature.js';
import type { DiagnoseResult } from '../types.js';
import type { Database } from './database.js';
import { storableResult } from './scrub.js';

export interface AnswerRow {
  answerId: string;
  at: number;
  surface: string;
  ruleId: string | null;
  ruleVersion: string | null;
  confidence: number | null;
  matched: boolean;
  signature: Signature;
}

export async function insertAnswer(
  { db }: Database,
  answer: { answerId: string; at: number; surface: string; result: DiagnoseResult; ruleVersion: string | null },
): Promise<void> {
  const top = answer.result.diagnoses[0];
  const stored = storableResult(answer.result);
  const row = {
    answer_id: answer.answerId,
    created_at: answer.at,
    surface: answer.surface,
    rule_id: top?.id ?? null,
    rule_version: top ? answer.ruleVersion : null,
    confidence: top?.confidence ?? null,
    matched: answer.result.matched ? 1 : 0,
    signature: JSON.stringify(signatureOf(answer.result.facts)),
    result: JSON.stringify(stored),
  };
  await db
    .insertInto('answers')
    .values(row)
    .onConflict((oc) => oc.column('answer_id').doUpdateSet({ result: row.result, created_at: row.created_at }))
    .execute();
}

export async function loadAnswerResult({ db }: Database, answerId: string): Promise<DiagnoseResult | undefined> {
  const row = await db.selectFrom('answers').select('result').where('answer_id', '=', answerId).executeTakeFirst();
  return row ? (JSON.parse(row.result) as DiagnoseResult) : undefined;
}

export async function loadAnswerRow({ db }: Database, answerId: string): Promise<AnswerRow | undefined> {
  const r = await db.selectFrom('answers').selectAll().where('answer_id', '=', answerId).executeTakeFirst();
  if (!r) return undefined;
  return {
    answerId: r.answer_id,
    at: r.created_at,
    surface: r.surface,
    ruleId: r.rule_id,
    ruleVersion: r.rule_version,
    confidence: r.confidence,
    matched: r.matched === 1,
    signature: JSON.parse(r.signature) as Signature,
  };
}
