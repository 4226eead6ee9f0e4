// The memory answer store both bots get by default, and the contract a database-backed store also meets.
import { describe, expect, it } from 'vitest';
import { ANSWER_TTL_MS, createMemoryAnswerStore, rememberAnswer } from '../../src/chat/answer-store.js';
import type { DiagnoseResult } from '../../src/types.js';
import { manualClock } from '../helpers/clock.js';

const result = (): DiagnoseResult => ({ matched: false, facts: { text: '' }, diagnoses: [], secretsFound: false });

describe('createMemoryAnswerStore', () => {
  it('returns a stored result until it expires', async () => {
    const c = manualClock();
    const store = createMemoryAnswerStore({ now: c.now });
    const r = result();
    await store.save('a1', r, { surface: 'slack' });
    expect(await store.load('a1')).toBe(r);
    expect(await store.load('nope')).toBeUndefined();
    c.advance(ANSWER_TTL_MS + 1);
    expect(await store.load('a1')).toBeUndefined();
  });

  it('keeps at most maxEntries, forgetting the oldest', async () => {
    const store = createMemoryAnswerStore({ maxEntries: 2 });
    for (const id of ['a', 'b', 'c']) await store.save(id, result(), { surface: 'discord' });
    expect(await store.load('a')).toBeUndefined();
    expect(await store.load('b')).toBeDefined();
    expect(await store.load('c')).toBeDefined();
  });
});

describe('rememberAnswer', () => {
  it('hands back a fresh id that loads the result', async () => {
    const store = createMemoryAnswerStore();
    const r = result();
    const id = await rememberAnswer(store, r, 'slack', () => {});
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await store.load(id)).toBe(r);
  });

  it('a failing store costs only the buttons: the id comes back and the failure is reported', async () => {
    const failures: unknown[] = [];
    const broken = {
      save: async () => Promise.reject(new Error('database down')),
      load: async () => undefined,
    };
    const id = await rememberAnswer(broken, result(), 'discord', (err) => failures.push(err));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(failures).toHaveLength(1);
  });
});
