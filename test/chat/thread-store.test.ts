import { describe, expect, it } from 'vitest';
import { createMemoryThreadStore, type ThreadState } from '../../src/chat/thread-store.js';

const state = (key: string, updatedAt: number): ThreadState => ({
  key,
  surface: 'slack',
  facts: { baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', models: ['qwen-plus'] },
  answerIds: ['a1'],
  status: 'open',
  updatedAt,
});

describe('memory thread store', () => {
  it('gives back a copy: changing what was loaded does not change what is stored', async () => {
    const store = createMemoryThreadStore({ now: () => 10 });
    await store.save(state('slack:T:C:1', 10));
    const loaded = await store.load('slack:T:C:1');
    loaded!.answerIds.push('a2');
    expect((await store.load('slack:T:C:1'))!.answerIds).toEqual(['a1']);
  });

  it('forgets a thread quiet for longer than the TTL', async () => {
    let now = 0;
    const store = createMemoryThreadStore({ ttlMs: 100, now: () => now });
    await store.save(state('k', 0));
    now = 100;
    expect(await store.load('k')).toBeDefined();
    now = 101;
    expect(await store.load('k')).toBeUndefined();
  });

  it('keeps the most recently saved threads when full', async () => {
    const store = createMemoryThreadStore({ maxEntries: 2, now: () => 0 });
    await store.save(state('a', 0));
    await store.save(state('b', 0));
    expect(await store.save((await store.load('a'))!)).toBe(true);
    await store.save(state('c', 0));
    expect(await store.load('b')).toBeUndefined();
    expect(await store.load('a')).toBeDefined();
    expect(await store.load('c')).toBeDefined();
  });

  it('saves by compare-and-set: a state loaded before another save is refused until loaded again', async () => {
    const store = createMemoryThreadStore({ now: () => 0 });
    expect(await store.save(state('k', 0))).toBe(true);
    expect(await store.save(state('k', 0))).toBe(false);
    const one = (await store.load('k'))!;
    const two = (await store.load('k'))!;
    expect(await store.save({ ...one, answerIds: ['a1', 'a2'] })).toBe(true);
    expect(await store.save({ ...two, answerIds: ['a1', 'a3'] })).toBe(false);
    expect((await store.load('k'))!.answerIds).toEqual(['a1', 'a2']);
  });
});
