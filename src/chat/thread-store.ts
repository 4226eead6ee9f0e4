// What the bots remember about a support thread: the facts gathered so far and the answers given, so a later
// message in the same thread is diagnosed with them. The memory store is the embedded default for tests and a bot
// with no storage; a database-backed store implements the same interface and persists the state as one JSON
// document per thread, so the conversation survives restarts and works across replicas. Every fact is already
// redacted (it came out of diagnose()), so nothing stored holds a secret.
import type { FactValue } from '../types.js';

type ThreadStatus = 'open' | 'solved' | 'escalated';

/** One thing that happened in the thread, for the handoff packet's "steps already tried". No pasted text. */
interface ThreadStep {
  at: number;
  what: string;
}

/** What the last pasted verify output showed. */
type VerifyResult = 'success' | 'same-error' | 'new-error';

export interface ThreadState {
  /** `<surface>:<workspace or guild>:<channel>:<thread>` — one key per conversation. */
  key: string;
  surface: 'slack' | 'discord';
  /** Facts gathered in the thread, newest winning on conflicts. Never `text`. */
  facts: Record<string, FactValue>;
  /** Answer ids given in the thread, oldest first. */
  answerIds: string[];
  status: ThreadStatus;
  /** Epoch milliseconds of the last change. */
  updatedAt: number;
  /**
   * The last error paste, redacted and bounded (diagnose()'s own `text`), so a button pressed later — or after a
   * restart — re-diagnoses with the text the rules read. Never shown, never put in a handoff packet.
   */
  lastText?: string;
  /** Rule ids answered in the thread, oldest first (the top cause of each answer). */
  tried?: string[];
  /** What happened in the thread, oldest first (bounded). */
  steps?: ThreadStep[];
  /** The last verify output pasted in the thread. */
  verify?: { result: VerifyResult; at: number };
  /** The differential question waiting for an answer, and the answer it was asked about. */
  question?: { id: string; answerId: string };
  /** Idempotency keys of deliveries and clicks already acted on (bounded, newest last). */
  handled?: string[];
  /** Set once someone pressed "Escalate"; `claimedBy` once a helper pressed "I'll take this". */
  escalation?: { at: number; by?: string; claimedBy?: string; claimedAt?: number };
  /** The store's revision this state was loaded at (absent: never saved); set by the store, not by callers. */
  revision?: number;
}

export interface ThreadStore {
  load(key: string): Promise<ThreadState | undefined>;
  /**
   * Compare-and-set: write `state` only if the stored thread is still at `state.revision` (or absent, for a
   * state never saved), then advance `state.revision`. False when another replica saved the thread in between:
   * nothing was written — load it again and redo the change.
   */
  save(state: ThreadState): Promise<boolean>;
}

/** How long a quiet thread is remembered, and how many are kept in memory. */
const THREAD_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const THREADS_MAX = 5000;

export function createMemoryThreadStore(
  options: { maxEntries?: number; ttlMs?: number; now?: () => number } = {},
): ThreadStore {
  const { maxEntries = THREADS_MAX, ttlMs = THREAD_TTL_MS, now = Date.now } = options;
  const threads = new Map<string, ThreadState>();
  return {
    async load(key) {
      const hit = threads.get(key);
      if (!hit) return undefined;
      if (now() - hit.updatedAt > ttlMs) {
        threads.delete(key);
        return undefined;
      }
      return structuredClone(hit);
    },
    async save(state) {
      const hit = threads.get(state.key);
      const stored = hit && now() - hit.updatedAt <= ttlMs ? hit : undefined;
      if (stored?.revision !== state.revision) return false;
      state.revision = (state.revision ?? 0) + 1;
      threads.delete(state.key);
      threads.set(state.key, structuredClone(state));
      // A Map keeps insertion order: the first key is the least recently saved.
      while (threads.size > maxEntries) threads.delete(threads.keys().next().value!);
      return true;
    },
  };
}
