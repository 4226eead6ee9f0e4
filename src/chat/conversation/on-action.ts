// The conversation's buttons and forms, shared by both bots: an answer to the differential question, a corrected
// fact, "Escalate", "I'll take this" and "Mark solved". Each click acts once: the click's id is remembered in the
// thread, so a retried delivery (or a second click on the same button) changes nothing and answers nothing new.
import type { FactValue } from '../../types.js';
import type { ThreadState } from '../thread-store.js';
import { type AnswerOutcome, answerTurn, read } from './answer-turn.js';
import { type CorrectionProblem, checkCorrections } from './corrections.js';
import type { ConversationDeps } from './deps.js';
import { buildHandoff, type HandoffPacket } from './handoff.js';
import { questionById } from './questions.js';
import { overlayFacts } from './thread-facts.js';
import { addStep, firstTime, loadThread, saveThread, withThread } from './thread-io.js';

export interface ActionInput {
  key: string;
  /** The click's stable id (Slack: the action's `action_ts`; Discord: the interaction id). */
  id: string;
  /** Who clicked (a platform user id). */
  by: string;
}

type Gone = { kind: 'unknown-thread' } | { kind: 'duplicate' };

/** Load, act once, save — or say why nothing was done. */
function act<T>(
  deps: ConversationDeps,
  input: ActionInput,
  work: (state: ThreadState) => Promise<T>,
): Promise<T | Gone> {
  return withThread(deps, input.key, async () => {
    const state = await loadThread(deps, input.key);
    if (!state) return { kind: 'unknown-thread' } as const;
    if (!firstTime(state, input.id)) return { kind: 'duplicate' } as const;
    const out = await work(state);
    await saveThread(deps, state, out);
    return out;
  });
}

/** Re-read the thread's last error with `facts` stated on top of what it knows. */
async function reread(deps: ConversationDeps, state: ThreadState, facts: Record<string, FactValue>, step: string) {
  const given = overlayFacts(state.facts, facts);
  return answerTurn(deps, state, await read(deps, state.lastText ?? '', given), 'more-facts', { step });
}

export type ChoiceOutcome = AnswerOutcome | { kind: 'prompt'; text: string } | { kind: 'stale' } | Gone;

/** The person picked answer `choice` of question `questionId`. */
export function onChoice(
  deps: ConversationDeps,
  input: ActionInput & { questionId: string; choice: number },
): Promise<ChoiceOutcome> {
  return act<ChoiceOutcome>(deps, input, async (state) => {
    const question = questionById(input.questionId);
    const choice = question?.choices[input.choice];
    if (!question || !choice) return { kind: 'stale' };
    if (!choice.facts) {
      addStep(deps, state, `Answered "${question.text}": ${choice.label}`);
      return { kind: 'prompt', text: question.otherPrompt ?? 'Paste the value here in the thread.' };
    }
    return reread(deps, state, choice.facts, `Answered "${question.text}" with ${choice.label}; answered`);
  });
}

export type CorrectOutcome = AnswerOutcome | { kind: 'invalid'; problems: CorrectionProblem[] } | Gone;

/** The person corrected facts in the "Correct a fact" form (field name → typed value; blank fields ignored). */
export function onCorrect(
  deps: ConversationDeps,
  input: ActionInput & { values: Record<string, string | undefined> },
): Promise<CorrectOutcome> {
  return act<CorrectOutcome>(deps, input, async (state) => {
    const { facts, problems } = checkCorrections(input.values);
    if (problems.length) return { kind: 'invalid', problems };
    const names = Object.keys(facts);
    return reread(deps, state, facts, `Corrected ${names.length ? names.join(', ') : 'nothing'}; answered`);
  });
}

export type EscalateOutcome = { kind: 'escalated'; first: boolean; packet: HandoffPacket; state: ThreadState } | Gone;

/** "Escalate": the handoff packet; the thread is marked escalated the first time. */
export function onEscalate(deps: ConversationDeps, input: ActionInput): Promise<EscalateOutcome> {
  return act<EscalateOutcome>(deps, input, async (state) => {
    const first = !state.escalation;
    if (first) {
      state.escalation = { at: (deps.now ?? Date.now)(), by: input.by };
      state.status = 'escalated';
      addStep(deps, state, 'Escalated to a human helper');
    }
    return { kind: 'escalated', first, packet: buildHandoff(state), state };
  });
}

export type ClaimOutcome = { kind: 'claimed'; first: boolean; claimedBy: string; state: ThreadState } | Gone;

/** "I'll take this" on an escalation: the first helper to click owns it; later clicks are told who does. */
export function onClaim(deps: ConversationDeps, input: ActionInput): Promise<ClaimOutcome> {
  return act<ClaimOutcome>(deps, input, async (state) => {
    state.escalation ??= { at: (deps.now ?? Date.now)() };
    const esc = state.escalation;
    const first = !esc.claimedBy;
    if (first) {
      esc.claimedBy = input.by;
      esc.claimedAt = (deps.now ?? Date.now)();
      addStep(deps, state, 'A human helper took the thread');
    }
    return { kind: 'claimed', first, claimedBy: esc.claimedBy as string, state };
  });
}

export type SolvedOutcome = { kind: 'solved'; first: boolean; ruleId?: string } | Gone;

/**
 * "Mark solved" (Discord forum posts): the thread is solved; `fixed` is recorded for the last cause given —
 * unless the click is itself a feedback button that records its verdict (`recordFeedback: false`).
 */
export function onMarkSolved(
  deps: ConversationDeps,
  input: ActionInput & { recordFeedback?: boolean },
): Promise<SolvedOutcome> {
  return act<SolvedOutcome>(deps, input, async (state) => {
    const first = state.status !== 'solved';
    const ruleId = state.tried?.at(-1);
    const answerId = state.answerIds.at(-1);
    if (first) {
      state.status = 'solved';
      addStep(deps, state, 'Marked solved');
      if (ruleId && answerId && deps.feedback && input.recordFeedback !== false) {
        await deps.feedback
          .record({ answerId, verdict: 'fixed', ruleId, surface: deps.surface, source: 'button' })
          .catch((err) => deps.onStoreError(err, 'feedback.record'));
      }
    }
    return { kind: 'solved', first, ruleId };
  });
}
