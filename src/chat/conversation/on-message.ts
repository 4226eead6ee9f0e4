// A message in a conversation, whichever bot it came through: the first paste gets an answer; a later one is
// read with what the thread already knows (newest fact winning); a pasted success closes the verify loop; the
// same error again offers the next cause; chat gets silence. Each delivery acts once, even after a restart.
import type { DiagnoseResult, Diagnosis } from '../../types.js';
import type { ThreadState } from '../thread-store.js';
import { type AnswerOutcome, answerTurn, read } from './answer-turn.js';
import type { ConversationDeps } from './deps.js';
import { showsSuccess } from './success.js';
import { carriedSetup, mergeThreadFacts, reportsError, sameErrorAs, tellsAnything } from './thread-facts.js';
import { addStep, firstTime, loadThread, newThread, saveThread, withThread } from './thread-io.js';

/**
 * `direct`: addressed to the bot (a mention, a DM, a command) — always answered. `watch`: a message in a watched
 * channel — answered when the diagnosis is confident. `reply`: any other message in a thread — read only when
 * the bot already answered in that thread.
 */
type MessageMode = 'direct' | 'watch' | 'reply';

export interface MessageInput {
  /** The conversation (thread-store.ts: `<surface>:<workspace>:<channel>:<thread>`). */
  key: string;
  /** The text as pasted (attachments included); redacted inside diagnose(), never stored as is. */
  text: string;
  /** The delivery's stable id (the message id / ts): a redelivery with the same id is not answered again. */
  id: string;
  mode: MessageMode;
  /**
   * A redelivery the delivery ledger let through (chat/delivery-ledger.ts): the delivery was never finished — a
   * replica may have saved the thread and died before answering — so the id already being handled does not make
   * it a duplicate. (A finished delivery never gets here: the ledger drops it.)
   */
  redelivered?: boolean;
}

export type MessageOutcome =
  | AnswerOutcome
  | { kind: 'duplicate' }
  | { kind: 'silent'; reason: 'chat' | 'remembered' | 'not-confident' | 'not-in-thread' | 'no-match' }
  | { kind: 'solved'; ruleId?: string; answerId?: string; result: DiagnoseResult };

export function onMessage(deps: ConversationDeps, input: MessageInput): Promise<MessageOutcome> {
  return withThread(deps, input.key, () => handle(deps, input));
}

async function handle(deps: ConversationDeps, input: MessageInput): Promise<MessageOutcome> {
  const known = await loadThread(deps, input.key);
  if (!input.redelivered && known?.handled?.includes(input.id)) return { kind: 'duplicate' };
  const fresh = await read(deps, input.text, {});
  if (!known) {
    if (input.mode === 'reply') return { kind: 'silent', reason: 'not-in-thread' };
    if (input.mode === 'watch' && !fresh.result.matched) return { kind: 'silent', reason: 'not-confident' };
    const state = newThread(deps, input.key);
    firstTime(state, input.id);
    const out = await answerTurn(deps, state, fresh, 'first', { step: 'Answered' });
    await saveThread(deps, state, out);
    return out;
  }
  const state = known;
  firstTime(state, input.id);
  const out = await followUp(deps, state, input, fresh);
  await saveThread(deps, state, out);
  return out;
}

async function followUp(
  deps: ConversationDeps,
  state: ThreadState,
  input: MessageInput,
  fresh: Awaited<ReturnType<typeof read>>,
): Promise<MessageOutcome> {
  const facts = fresh.result.facts;
  if (showsSuccess(input.text, facts)) return solved(deps, state, fresh.result);
  if (reportsError(facts)) {
    // A new error in a solved thread opens it again.
    if (state.status === 'solved') state.status = 'open';
    const given = carriedSetup(state.facts, facts);
    const reading = Object.keys(given).length ? await read(deps, input.text, given) : fresh;
    const top = reading.result.diagnoses[0];
    if (!top && input.mode !== 'direct') {
      // Nothing to say about it, but it is the thread's error now (its request id goes in a handoff).
      const { text, ...rest } = reading.result.facts;
      if (reportsError(state.facts)) state.verify = { result: 'new-error', at: now(deps) };
      state.facts = mergeThreadFacts(state.facts, rest);
      if (typeof text === 'string' && text) state.lastText = text;
      addStep(deps, state, 'A new error was pasted; no known cause matched');
      return { kind: 'silent', reason: 'no-match' };
    }
    // The same error again: the error the thread holds, whose first cause the thread already offered.
    const same = top !== undefined && (state.tried ?? []).includes(top.id) && sameErrorAs(state.facts, facts);
    // Only an error after an answered error is a verify result; one after a question or a base URL is the first.
    const after = Boolean(state.tried?.length) && reportsError(state.facts);
    if (after) state.verify = { result: same ? 'same-error' : 'new-error', at: now(deps) };
    if (same) return sameError(deps, state, reading);
    return answerTurn(deps, state, reading, after ? 'new-error' : 'first', {
      step: after ? 'New error; answered' : 'Answered',
    });
  }
  // No error of its own: a fact about the setup re-reads the earlier error; anything else is chat.
  if (tellsAnything(facts) && state.lastText) {
    const reading = await read(deps, state.lastText, mergeThreadFacts(state.facts, facts));
    return answerTurn(deps, state, reading, 'more-facts', { step: 'Read again with a fact from the thread' });
  }
  // Addressed to the bot: answered as any such request is ("what to include" when nothing matches).
  if (input.mode === 'direct') return answerTurn(deps, state, fresh, 'first', { step: 'Asked' });
  if (!tellsAnything(facts)) return { kind: 'silent', reason: 'chat' };
  // A fact with no error to read it against yet (the base URL before the error): kept for the next paste.
  state.facts = mergeThreadFacts(state.facts, facts);
  addStep(deps, state, 'A fact about the setup was stated');
  return { kind: 'silent', reason: 'remembered' };
}

async function sameError(
  deps: ConversationDeps,
  state: ThreadState,
  reading: Awaited<ReturnType<typeof read>>,
): Promise<AnswerOutcome> {
  const tried = new Set(state.tried);
  const ranked = reading.result.diagnoses;
  const lastTried = state.tried?.at(-1);
  const repeatOf = ranked.find((d) => d.id === lastTried) ?? (ranked[0] as Diagnosis);
  const next = ranked.find((d) => !tried.has(d.id));
  // The next untried cause leads; the rest keep their rank.
  const ordered = next ? [next, ...ranked.filter((d) => d !== next)] : ranked;
  const reordered = { ...reading, result: { ...reading.result, diagnoses: ordered } };
  return answerTurn(deps, state, reordered, 'same-error', {
    repeatOf,
    exhausted: !next,
    step: `Same error again after trying ${repeatOf.id}; next`,
  });
}

async function solved(deps: ConversationDeps, state: ThreadState, result: DiagnoseResult): Promise<MessageOutcome> {
  const ruleId = state.tried?.at(-1);
  const answerId = state.answerIds.at(-1);
  state.status = 'solved';
  state.verify = { result: 'success', at: now(deps) };
  addStep(deps, state, 'Verify output pasted: the call works');
  if (ruleId && answerId && deps.feedback) {
    try {
      await deps.feedback.record({ answerId, verdict: 'fixed', ruleId, surface: deps.surface, source: 'verify' });
    } catch (err) {
      deps.onStoreError(err, 'feedback.record');
    }
  }
  const { text: _t, ...facts } = result.facts;
  return { kind: 'solved', ruleId, answerId, result: { ...result, facts } };
}

const now = (deps: ConversationDeps) => (deps.now ?? Date.now)();
