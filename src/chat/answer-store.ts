// Answers the bots keep so a button pressed later ("Other possible causes", "Share in channel") can act on them.
// Results are already redacted by diagnose(): nothing stored holds a secret. The memory store is the embedded
// default; a database-backed one implements the same interface, and each bot is handed its store.
import { randomUUID } from 'node:crypto';
import type { DiagnoseResult } from '../types.js';

/** What a store may keep beside the result: the pasted text serves the gaps report when the answer missed. */
export interface AnswerMeta {
  surface: 'slack' | 'discord' | 'http' | 'cli';
  /** The pasted text; a database store keeps it redacted, and only for unmatched or low-confidence answers. */
  text?: string;
  /** The content hash of the top rule's file (Rule.version). */
  ruleVersion?: string | null;
}

export interface AnswerStore {
  save(answerId: string, result: DiagnoseResult, meta: AnswerMeta): Promise<void>;
  load(answerId: string): Promise<DiagnoseResult | undefined>;
}

/** How long an answer stays, and how many are kept: one policy for every surface. */
export const ANSWER_TTL_MS = 24 * 60 * 60 * 1000;
const ANSWERS_MAX = 1000;

export function createMemoryAnswerStore(
  options: { maxEntries?: number; ttlMs?: number; now?: () => number } = {},
): AnswerStore {
  const { maxEntries = ANSWERS_MAX, ttlMs = ANSWER_TTL_MS, now = Date.now } = options;
  const answers = new Map<string, { result: DiagnoseResult; at: number }>();
  return {
    async save(answerId, result) {
      answers.delete(answerId);
      answers.set(answerId, { result, at: now() });
      // A Map keeps insertion order: the first key is the oldest.
      while (answers.size > maxEntries) answers.delete(answers.keys().next().value!);
    },
    async load(answerId) {
      const hit = answers.get(answerId);
      if (!hit) return undefined;
      if (now() - hit.at > ttlMs) {
        answers.delete(answerId);
        return undefined;
      }
      return hit.result;
    },
  };
}

/**
 * Store `result` under a fresh id and return the id. A store that fails costs the buttons, never the answer:
 * the failure is handed to `onError` and the id is returned anyway (a later press says the answer expired).
 */
export async function rememberAnswer(
  store: AnswerStore,
  result: DiagnoseResult,
  surface: 'slack' | 'discord' | 'http' | 'cli',
  onError: (err: unknown) => void,
  /** The pasted text (kept redacted when the answer missed, for the gaps report) and the top rule's version. */
  extra: Pick<AnswerMeta, 'text' | 'ruleVersion'> = {},
): Promise<string> {
  const answerId = randomUUID();
  try {
    await store.save(answerId, result, { surface, ...extra });
  } catch (err) {
    onError(err);
  }
  return answerId;
}
