// What the bots remember about a support thread: the facts gathered so far and the answers given, so a later
// message in the same thread is diagnosed with them. The memory store is the embedded default for tests and a bot
// with no storage; a database-backed store implements the same interface and persists the state as one JSON
// document per thread, so the conversation survives restarts and works across replicas. Every fact is already
// redacted (it came out of diagnose()), so nothing stored holds a secret.
import type { FactValue } from '../types.js';

type ThreadStatus = 'open' | 'solved' | 'escalated';

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
}

export interface ThreadStore {
  load(key: string): Promise<ThreadState | undefined>;
  save(state: ThreadState): Promise<void>;
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
      threads.delete(state.key);
      threads.set(state.key, structuredClone(state));
      // A Map keeps insertion order: the first key is the least recently saved.
      while (threads.size > maxEntries) threads.delete(threads.keys().next().value!);
    },
  };
}
