// Two replicas answering in one thread at the same moment: each loads the thread, adds what its message told it
// and saves. The store's compare-and-set refuses the later save, and the conversation core redoes that change on
// what the other replica saved — so the thread keeps both messages' facts, and both messages are answered.
import { describe, expect, it } from 'vitest';
import { onMessage } from '../../../src/chat/conversation/on-message.js';
import { createMemoryThreadStore, type ThreadStore } from '../../../src/chat/thread-store.js';
import { coreHarness, INTL_BASE_URL, INVALID_KEY } from './harness.js';

const KEY = 'slack:T1:C1:100.1';

/** A store where, just before this replica's next save, the other replica's save of `other` lands first. */
function racedStore(shared: ThreadStore, other: () => Promise<void>): ThreadStore & { raced: number } {
  let pending = true;
  const store = {
    raced: 0,
    load: (key: string) => shared.load(key),
    async save(state: Parameters<ThreadStore['save']>[0]) {
      if (pending) {
        pending = false;
        store.raced++;
        await other();
      }
      return shared.save(state);
    },
  };
  return store;
}

describe('a thread changed by another replica meanwhile', () => {
  it("keeps both changes: the refused save is redone on the other replica's state", async () => {
    const shared = createMemoryThreadStore();
    const replicaB = coreHarness({ threads: shared });
    // The thread exists: replica A answered the key error first.
    const first = await onMessage(coreHarness({ threads: shared }).deps, {
      key: KEY,
      text: INVALID_KEY,
      id: 'm1',
      mode: 'direct',
    });
    expect(first.kind).toBe('answer');
    // While replica A reads a reply naming the model, replica B saves one naming the base URL.
    const other = async () => {
      const state = (await shared.load(KEY))!;
      expect(
        await shared.save({
          ...state,
          facts: { ...state.facts, baseUrl: INTL_BASE_URL },
          handled: [...(state.handled ?? []), 'm3'],
        }),
      ).toBe(true);
    };
    const raced = racedStore(shared, other);
    const replicaA = coreHarness({ threads: raced });
    const out = await onMessage(replicaA.deps, {
      key: KEY,
      text: `${INVALID_KEY}\nmodel: qwen-plus`,
      id: 'm2',
      mode: 'reply',
    });
    expect(raced.raced).toBe(1);
    expect(out.kind).toBe('answer');
    const saved = (await shared.load(KEY))!;
    expect(saved.facts.baseUrl).toBe(INTL_BASE_URL);
    expect(saved.handled).toEqual(expect.arrayContaining(['m1', 'm2', 'm3']));
    expect(replicaA.storeErrors).toEqual([]);
    expect(replicaB.storeErrors).toEqual([]);
  });

  it('gives up after a bounded number of refusals, still answering, and reports it', async () => {
    const shared = createMemoryThreadStore();
    await onMessage(coreHarness({ threads: shared }).deps, { key: KEY, text: INVALID_KEY, id: 'm1', mode: 'direct' });
    // A store that always finds the thread changed.
    const always: ThreadStore = { load: (k) => shared.load(k), save: async () => false };
    const h = coreHarness({ threads: always });
    const out = await onMessage(h.deps, { key: KEY, text: INVALID_KEY, id: 'm2', mode: 'reply' });
    expect(out.kind).toBe('answer');
    expect(h.storeErrors).toEqual(['thread.save']);
  });
});
