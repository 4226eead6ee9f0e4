// Thread memory through the shared core: facts gathered in a thread are read with each later paste, newest
// winning; chat stays silent; a redelivery never answers twice; the state survives a restart (a new core over
// the same store) and a broken store never costs an answer.
import { describe, expect, it } from 'vitest';
import { onMessage } from '../../../src/chat/conversation/on-message.js';
import { createMemoryThreadStore } from '../../../src/chat/thread-store.js';
import { diagnose } from '../../../src/diagnose/diagnose.js';
import { bundledRules, coreHarness, INTL_BASE_URL, INVALID_KEY } from './harness.js';

const CODING_URL_PASTE = 'we call https://coding.dashscope.aliyuncs.com/v1 from our gateway, model qwen3-coder-plus';

describe('thread memory', () => {
  it('reads the second paste (the code) with the first (the base URL)', async () => {
    const { deps } = coreHarness();
    const key = 'slack:T:C:1';
    const first = await onMessage(deps, { key, text: CODING_URL_PASTE, id: 'm1', mode: 'direct' });
    expect(first.kind).toBe('answer');
    const second = await onMessage(deps, { key, text: INVALID_KEY, id: 'm2', mode: 'reply' });
    if (second.kind !== 'answer') throw new Error(`expected an answer, got ${second.kind}`);
    // The same answer diagnose() gives when both facts are stated at once, and not the one for the code alone.
    const both = await diagnose(
      { text: INVALID_KEY, facts: { baseUrl: 'https://coding.dashscope.aliyuncs.com/v1', model: 'qwen3-coder-plus' } },
      { rules: bundledRules() },
    );
    const alone = await diagnose(INVALID_KEY, { rules: bundledRules() });
    expect(second.result.diagnoses[0]?.id).toBe(both.diagnoses[0]?.id);
    expect(second.result.diagnoses[0]?.id).not.toBe(alone.diagnoses[0]?.id);
    expect(second.result.facts).toMatchObject({ code: 'InvalidApiKey', plan: 'coding', model: 'qwen3-coder-plus' });
    expect(second.fromThread).toEqual(expect.arrayContaining(['baseUrl', 'model']));
    expect(second.turn).toBe('first');
  });

  it('lets the newest paste win a conflict (a new base URL replaces host, region and plan)', async () => {
    const { deps, threads } = coreHarness();
    const key = 'slack:T:C:2';
    await onMessage(deps, { key, text: `${INVALID_KEY}\nbase_url=${INTL_BASE_URL}`, id: 'm1', mode: 'direct' });
    const out = await onMessage(deps, {
      key,
      text: `${INVALID_KEY}\nbase_url=https://coding.dashscope.aliyuncs.com/v1`,
      id: 'm2',
      mode: 'reply',
    });
    if (out.kind !== 'answer') throw new Error(out.kind);
    expect(out.result.facts).toMatchObject({ region: 'cn', plan: 'coding', host: 'coding.dashscope.aliyuncs.com' });
    expect((await threads.load(key))?.facts).toMatchObject({ region: 'cn', plan: 'coding' });
  });

  it('stays silent on chat, and on a reply in a thread it never answered', async () => {
    const { deps } = coreHarness();
    expect(await onMessage(deps, { key: 'k0', text: INVALID_KEY, id: 'x', mode: 'reply' })).toMatchObject({
      kind: 'silent',
      reason: 'not-in-thread',
    });
    await onMessage(deps, { key: 'k1', text: INVALID_KEY, id: 'm1', mode: 'direct' });
    for (const [i, chat] of ['thanks, trying that now', 'ok that makes sense 👍', 'will report back'].entries())
      expect(await onMessage(deps, { key: 'k1', text: chat, id: `c${i}`, mode: 'reply' })).toMatchObject({
        kind: 'silent',
        reason: 'chat',
      });
  });

  it('answers a watched-channel paste only when confident', async () => {
    const { deps, threads } = coreHarness();
    expect(await onMessage(deps, { key: 'w1', text: 'anyone up for lunch?', id: 'a', mode: 'watch' })).toMatchObject({
      kind: 'silent',
    });
    expect(await threads.load('w1')).toBeUndefined();
    expect((await onMessage(deps, { key: 'w2', text: INVALID_KEY, id: 'b', mode: 'watch' })).kind).toBe('answer');
  });

  it('never answers the same delivery twice, even after a restart', async () => {
    const threads = createMemoryThreadStore();
    const a = coreHarness({ threads });
    const input = { key: 'k2', text: INVALID_KEY, id: 'ts-1', mode: 'direct' as const };
    expect((await onMessage(a.deps, input)).kind).toBe('answer');
    expect((await onMessage(a.deps, input)).kind).toBe('duplicate');
    // A new process over the same store: the redelivery is still recognised.
    const b = coreHarness({ threads });
    expect((await onMessage(b.deps, input)).kind).toBe('duplicate');
  });

  it('loses nothing across a restart in the middle of a thread', async () => {
    const threads = createMemoryThreadStore();
    const before = coreHarness({ threads });
    await onMessage(before.deps, { key: 'k3', text: CODING_URL_PASTE, id: 'm1', mode: 'direct' });
    const after = coreHarness({ threads });
    const out = await onMessage(after.deps, { key: 'k3', text: INVALID_KEY, id: 'm2', mode: 'reply' });
    if (out.kind !== 'answer') throw new Error(out.kind);
    expect(out.result.facts).toMatchObject({ plan: 'coding', code: 'InvalidApiKey' });
  });

  it('answers when the thread store fails, and reports the failure', async () => {
    const broken = {
      load: async () => {
        throw new Error('disk full');
      },
      save: async () => {
        throw new Error('disk full');
      },
    };
    const h = coreHarness({ threads: broken });
    const out = await onMessage(h.deps, { key: 'k4', text: INVALID_KEY, id: 'm1', mode: 'direct' });
    expect(out.kind).toBe('answer');
    expect(h.storeErrors).toEqual(['thread.load', 'thread.save']);
  });

  it('keeps two replies arriving together from overwriting each other', async () => {
    const { deps, threads } = coreHarness();
    await onMessage(deps, { key: 'k5', text: INVALID_KEY, id: 'm0', mode: 'direct' });
    await Promise.all([
      onMessage(deps, { key: 'k5', text: `model qwen-plus\n${INVALID_KEY}`, id: 'm1', mode: 'reply' }),
      onMessage(deps, { key: 'k5', text: `${INVALID_KEY}\nbase_url=${INTL_BASE_URL}`, id: 'm2', mode: 'reply' }),
    ]);
    const state = await threads.load('k5');
    expect(state?.handled).toEqual(expect.arrayContaining(['m0', 'm1', 'm2']));
    expect(state?.facts).toMatchObject({ model: 'qwen-plus', region: 'intl' });
  });
});
