// A verdict on an answer: "fixed" or "not_it", filed against the rule and rule version that answer showed.
// One verdict per person per answer; a second click replaces the first.
import { createHash } from 'node:crypto';
import type { Database } from './database.js';

const VERDICTS = ['fixed', 'not_it'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface FeedbackInput {
  answerId: string;
  verdict: Verdict;
  surface: string;
  /** Who gave it (a chat user id, an API token's client); only a hash of it is kept. Empty = anonymous. */
  voter?: string;
  at: number;
}

export interface FeedbackRecorded {
  answerId: string;
  verdict: Verdict;
  ruleId: string | null;
  ruleVersion: string | null;
}

/** Record a verdict; undefined when no answer has that id (expired by the retention sweep, or never given). */
export async function recordFeedback({ db }: Database, input: FeedbackInput): Promise<FeedbackRecorded | undefined> {
  const answer = await db
    .selectFrom('answers')
    .select(['rule_id', 'rule_version'])
    .where('answer_id', '=', input.answerId)
    .executeTakeFirst();
  if (!answer) return undefined;
  const voter = input.voter ? createHash('sha256').update(input.voter).digest('hex').slice(0, 16) : '';
  const row = {
    answer_id: input.answerId,
    voter,
    verdict: input.verdict,
    rule_id: answer.rule_id,
    rule_version: answer.rule_version,
    surface: input.surface,
    created_at: input.at,
  };
  await db
    .insertInto('feedback')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['answer_id', 'voter']).doUpdateSet({ verdict: row.verdict, created_at: row.created_at }),
    )
    .execute();
  return { answerId: input.answerId, verdict: input.verdict, ruleId: answer.rule_id, ruleVersion: answer.rule_version };
}
