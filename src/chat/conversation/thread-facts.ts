// Thread memory: which facts of a paste describe the person's setup (kept for the rest of the thread) and which
// describe one failed call (replaced as a whole by the next error), and how a new paste merges into what the
// thread already knows — newest winning on conflicts.
import type { AnswerFacts, FactValue } from '../../types.js';

/**
 * Facts that travel together: a base URL decides host, region, plan and path, so a newer one replaces all five
 * (an old `plan` must not survive a new host); `model` and `models` likewise.
 */
const SETUP_GROUPS: readonly (readonly string[])[] = [
  ['baseUrl', 'host', 'region', 'plan', 'apiPath'],
  ['model', 'models'],
  ['keyKind'],
  ['keyRegion'],
  ['client'],
];
const SETUP_FACTS = new Set(SETUP_GROUPS.flat());

/** Never remembered: the text itself, per-paste markers, and what diagnose() derives again from `model`. */
const NOT_REMEMBERED = new Set([
  'text',
  'plainChat',
  'truncated',
  'contextWindow',
  'maxInputTokens',
  'maxOutputTokens',
  'longerContextModel',
]);

/** The facts of a paste worth remembering, split into setup and error facts. Every other fact is an error fact. */
function rememberable(facts: AnswerFacts): {
  setup: Record<string, FactValue>;
  error: Record<string, FactValue>;
} {
  const setup: Record<string, FactValue> = {};
  const error: Record<string, FactValue> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (v === undefined || NOT_REMEMBERED.has(k)) continue;
    (SETUP_FACTS.has(k) ? setup : error)[k] = v as FactValue;
  }
  return { setup, error };
}

/** The facts that say a call failed (a paste with none of them reports no error of its own). */
const ERROR_SIGNS = ['status', 'code', 'rawCode', 'errorType', 'message', 'docAnchor'];

export function reportsError(facts: object): boolean {
  return ERROR_SIGNS.some((k) => (facts as Record<string, unknown>)[k] !== undefined);
}

/** Whether the paste told anything at all (a setup fact or an error fact). */
export function tellsAnything(facts: AnswerFacts): boolean {
  const { setup, error } = rememberable(facts);
  const meaningful = Object.keys(error).filter((k) => k !== 'provider' && k !== 'providerEvidence');
  return Object.keys(setup).length > 0 || meaningful.length > 0;
}

/**
 * Merge a new paste's facts into the thread's. Setup facts: per group, the newer paste's group replaces the old
 * one. Error facts: a paste that reports an error replaces the old error as a whole; one that does not keeps it.
 */
export function mergeThreadFacts(thread: Record<string, FactValue>, fresh: AnswerFacts): Record<string, FactValue> {
  const next = rememberable(fresh);
  const old = rememberable(thread as AnswerFacts);
  const merged: Record<string, FactValue> = {};
  for (const group of SETUP_GROUPS) {
    const source = group.some((k) => next.setup[k] !== undefined) ? next.setup : old.setup;
    for (const k of group) if (source[k] !== undefined) merged[k] = source[k] as FactValue;
  }
  Object.assign(merged, reportsError(fresh) ? next.error : { ...old.error, ...next.error });
  return merged;
}

/**
 * The thread's setup facts a new error paste did not state itself: handed to diagnose() as given facts, so the
 * base URL from the first paste reads with the code from the second.
 */
export function carriedSetup(thread: Record<string, FactValue>, fresh: AnswerFacts): Record<string, FactValue> {
  const stated = fresh as Record<string, unknown>;
  const out: Record<string, FactValue> = {};
  for (const group of SETUP_GROUPS) {
    if (group.some((k) => stated[k] !== undefined)) continue;
    for (const k of group) if (thread[k] !== undefined) out[k] = thread[k] as FactValue;
  }
  return out;
}

/**
 * The thread's facts with `stated` put on top — a button's answer or a corrected fact. A stated setup fact
 * replaces its whole group (a new base URL drops the old host, region and plan, which diagnose() derives again);
 * a corrected code drops the code as printed.
 */
export function overlayFacts(
  thread: Record<string, FactValue>,
  stated: Record<string, FactValue>,
): Record<string, FactValue> {
  const out = { ...thread };
  for (const group of SETUP_GROUPS)
    if (group.some((k) => stated[k] !== undefined)) for (const k of group) delete out[k];
  if (stated.code !== undefined) delete out.rawCode;
  return { ...out, ...stated };
}

/**
 * Whether a new paste reports the same error as the one the thread holds: same code and status (or, when
 * neither is known, the same message). A thread that holds no error yet never sees "the same error again".
 */
export function sameErrorAs(thread: Record<string, FactValue>, fresh: AnswerFacts): boolean {
  if (!reportsError(thread) || !reportsError(fresh)) return false;
  const f = fresh as Record<string, unknown>;
  if (thread.code !== undefined || thread.status !== undefined || f.code !== undefined || f.status !== undefined)
    return thread.code === f.code && thread.status === f.status;
  return thread.message !== undefined && thread.message === f.message;
}
