// Loading and saving a thread's state around one delivery: one change at a time per thread in this process (two
// replies arriving together must not overwrite each other's facts), a storage failure reported and survived, and
// the bounded lists (idempotency keys, steps) kept bounded.
import type { ThreadState } from '../thread-store.js';
import type { ConversationDeps } from './deps.js';

/** Idempotency keys kept per thread: far more than Slack or Discord ever redeliver. */
const HANDLED_MAX = 200;
const STEPS_MAX = 50;

const queues = new Map<string, Promise<unknown>>();

/** Run `work` after every earlier work on the same key has finished. */
function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const tail = run.catch(() => {});
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

export async function loadThread(deps: ConversationDeps, key: string): Promise<ThreadState | undefined> {
  try {
    return await deps.threads.load(key);
  } catch (err) {
    deps.onStoreError(err, 'thread.load');
    return undefined;
  }
}

/** Another replica saved the thread while this one worked on it: redo the change on what it saved. */
class ThreadConflict<T> extends Error {
  constructor(readonly outcome: T) {
    super('the thread changed while this change was made');
  }
}

/** Attempts at one change before it is given up (its answer still goes out; the thread keeps the other's change). */
const CONFLICT_ATTEMPTS = 4;

/**
 * Save `state` after a change that produced `outcome`: throws ThreadConflict when another replica saved the thread
 * in between (withThread then redoes the change). A storage failure is reported and survived.
 */
export async function saveThread<T>(deps: ConversationDeps, state: ThreadState, outcome: T): Promise<void> {
  state.updatedAt = (deps.now ?? Date.now)();
  if (state.handled && state.handled.length > HANDLED_MAX) state.handled = state.handled.slice(-HANDLED_MAX);
  if (state.steps && state.steps.length > STEPS_MAX) state.steps = state.steps.slice(-STEPS_MAX);
  let saved = true;
  try {
    saved = await deps.threads.save(state);
  } catch (err) {
    deps.onStoreError(err, 'thread.save');
  }
  if (!saved) throw new ThreadConflict(outcome);
}

/**
 * Run a load → change → save of thread `key`: one at a time in this process, and redone (from a fresh load) when
 * another replica saved the thread meanwhile, so neither change is lost. After CONFLICT_ATTEMPTS the last
 * outcome stands and the conflict is reported.
 */
export function withThread<T>(deps: ConversationDeps, key: string, work: () => Promise<T>): Promise<T> {
  return serialised(key, async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        if (!(err instanceof ThreadConflict)) throw err;
        if (attempt >= CONFLICT_ATTEMPTS) {
          deps.onStoreError(err, 'thread.save');
          return err.outcome as T;
        }
      }
    }
  });
}

export function newThread(deps: ConversationDeps, key: string): ThreadState {
  return { key, surface: deps.surface, facts: {}, answerIds: [], status: 'open', updatedAt: (deps.now ?? Date.now)() };
}

/** True (and remembered) the first time `id` acts on this thread; false for a redelivery or a second click. */
export function firstTime(state: ThreadState, id: string): boolean {
  if (state.handled?.includes(id)) return false;
  state.handled = [...(state.handled ?? []), id];
  return true;
}

export function addStep(deps: ConversationDeps, state: ThreadState, what: string): void {
  state.steps = [...(state.steps ?? []), { at: (deps.now ?? Date.now)(), what }];
}
