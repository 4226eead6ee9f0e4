// What every answer in a thread shares, whichever way it came (a paste, a button, a corrected fact): keep the
// answer for its buttons, remember its facts and cause in the thread, and work out the differential question.

import type { DiagnoseResult, Diagnosis, FactValue } from '../../types.js';
import { rememberAnswer } from '../answer-store.js';
import type { ThreadState } from '../thread-store.js';
import type { ConversationDeps } from './deps.js';
import { type DifferentialQuestion, findQuestion } from './differential.js';
import { mergeThreadFacts, reportsError } from './thread-facts.js';
import { addStep } from './thread-io.js';

/** How this answer relates to the thread so far. */
export type Turn =
  | 'first'
  | 'new-error'
  | 'same-error'
  /** The earlier error, read again with a fact stated since (a reply, a button, a correction). */
  | 'more-facts';

export interface AnswerOutcome {
  kind: 'answer';
  result: DiagnoseResult;
  answerId: string;
  turn: Turn;
  /** Same error again: the cause that was tried (the answer's first diagnosis is the next one). */
  repeatOf?: Diagnosis;
  /** Same error again and no untried cause left: offer escalation. */
  exhausted?: boolean;
  question?: DifferentialQuestion;
  /** Names of the facts that came from earlier in the thread rather than this message. */
  fromThread: string[];
}

/** A diagnosis of `text` with `given` facts, and the rediagnosis the differential question needs. */
export interface Reading {
  text: string;
  given: Record<string, FactValue>;
  result: DiagnoseResult;
}

export async function read(deps: ConversationDeps, text: string, given: Record<string, FactValue>): Promise<Reading> {
  const result = await deps.diagnose({ text, facts: given }, { echo: true });
  return { text, given, result };
}

/** Record `reading` as the thread's newest answer and build the outcome. Mutates `state`. */
export async function answerTurn(
  deps: ConversationDeps,
  state: ThreadState,
  reading: Reading,
  turn: Turn,
  extra: { repeatOf?: Diagnosis; exhausted?: boolean; step: string },
): Promise<AnswerOutcome> {
  const { result: echoed } = reading;
  const { text: readText, ...facts } = echoed.facts;
  const result: DiagnoseResult = { ...echoed, facts };
  // Only an error is worth reading again later; a question or a base URL alone is not.
  if (typeof readText === 'string' && readText && (result.diagnoses.length > 0 || reportsError(facts)))
    state.lastText = readText;
  state.facts = mergeThreadFacts(state.facts, facts);
  const top = result.diagnoses[0];
  // The redacted paste goes with the answer so a miss reaches the gaps report; the version files verdicts per rule.
  const answerId = await rememberAnswer(
    deps.answers,
    result,
    deps.surface,
    (err) => deps.onStoreError(err, 'answer.save'),
    { text: readText, ruleVersion: top ? (deps.rules().get(top.id)?.version ?? null) : null },
  );
  state.answerIds.push(answerId);
  if (top) state.tried = [...(state.tried ?? []), top.id];
  addStep(deps, state, top ? `${extra.step}: ${top.title} (${top.id})` : `${extra.step}: no known cause matched`);
  const question = top
    ? await findQuestion(
        result,
        result.facts,
        async (f) => await deps.diagnose({ text: reading.text, facts: { ...reading.given, ...f } }),
        deps.rules(),
      )
    : undefined;
  if (question) state.question = { id: question.question.id, answerId };
  else delete state.question;
  const fromThread = Object.keys(reading.given).filter((k) => reading.given[k] !== undefined);
  return { kind: 'answer', result, answerId, turn, fromThread, question, ...pick(extra) };
}

function pick(extra: { repeatOf?: Diagnosis; exhausted?: boolean }) {
  const out: { repeatOf?: Diagnosis; exhausted?: boolean } = {};
  if (extra.repeatOf) out.repeatOf = extra.repeatOf;
  if (extra.exhausted) out.exhausted = true;
  return out;
}
