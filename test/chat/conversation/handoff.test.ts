// The handoff packet: every field the issue lists, taken from the thread; never a key and never the raw paste
// (a planted secret of every kind goes through a whole thread and is in no packet).
import { describe, expect, it } from 'vitest';
import { handoffText } from '../../../src/chat/conversation/handoff.js';
import { onClaim, onCorrect, onEscalate } from '../../../src/chat/conversation/on-action.js';
import { onMessage } from '../../../src/chat/conversation/on-message.js';
import { plantedCorpus } from '../../adversarial/planted-secrets.js';
import { coreHarness, INTL_BASE_URL, INVALID_KEY } from './harness.js';

describe('handoff packet', () => {
  it('has every field, from the whole thread', async () => {
    const { deps } = coreHarness({ now: () => Date.UTC(2026, 11, 2, 15, 4, 5) });
    const key = 'h1';
    await onMessage(deps, { key, text: `calling ${INTL_BASE_URL} with model qwen-plus`, id: 'm1', mode: 'direct' });
    await onMessage(deps, { key, text: INVALID_KEY, id: 'm2', mode: 'reply' });
    await onMessage(deps, { key, text: INVALID_KEY, id: 'm3', mode: 'reply' });
    const out = await onEscalate(deps, { key, id: 'e1', by: 'U1' });
    if (out.kind !== 'escalated') throw new Error(out.kind);
    expect(out.first).toBe(true);
    expect(out.packet).toMatchObject({
      requestId: '7c2e9a10-4b1f-9d3e-a0c1-2f5e8b7d6a41',
      host: 'dashscope-intl.aliyuncs.com',
      region: 'intl',
      model: 'qwen-plus',
      time: '2026-12-02T15:04:05.000Z',
      code: 'InvalidApiKey',
      status: '401',
      verify: expect.stringContaining('same error'),
    });
    expect(out.packet.rulesTried.length).toBeGreaterThanOrEqual(2);
    expect(out.packet.steps.join('\n')).toMatch(/Same error again after trying auth\./);
    const text = handoffText(out.packet);
    for (const label of [
      'Request ID',
      'Region host',
      'Model',
      'Time (UTC)',
      'Error code',
      'HTTP status',
      'Rule tried',
      'Steps already tried',
      'Verify result',
    ])
      expect(text).toContain(label);
    expect(text).not.toContain('Invalid API-key provided.');
  });

  it('escalates and is claimed once, whoever clicks again', async () => {
    const { deps } = coreHarness();
    await onMessage(deps, { key: 'h2', text: INVALID_KEY, id: 'm1', mode: 'direct' });
    expect(await onEscalate(deps, { key: 'h2', id: 'e1', by: 'U1' })).toMatchObject({ first: true });
    expect(await onEscalate(deps, { key: 'h2', id: 'e1', by: 'U1' })).toEqual({ kind: 'duplicate' });
    expect(await onEscalate(deps, { key: 'h2', id: 'e2', by: 'U1' })).toMatchObject({ first: false });
    expect(await onClaim(deps, { key: 'h2', id: 'c1', by: 'UHELPER1' })).toMatchObject({
      first: true,
      claimedBy: 'UHELPER1',
    });
    expect(await onClaim(deps, { key: 'h2', id: 'c2', by: 'UHELPER2' })).toMatchObject({
      first: false,
      claimedBy: 'UHELPER1',
    });
    expect(await onEscalate(deps, { key: 'nope', id: 'e3', by: 'U1' })).toEqual({ kind: 'unknown-thread' });
  });

  it('holds no planted secret and no raw paste, whatever the thread saw', async () => {
    const { deps, threads } = coreHarness();
    const planted = plantedCorpus([4, 5]);
    for (const [i, p] of planted.entries()) {
      const key = `s${i}`;
      await onMessage(deps, { key, text: `${p.text}\nmodel qwen-plus ${INTL_BASE_URL}`, id: 'm1', mode: 'direct' });
      await onMessage(deps, { key, text: `${INVALID_KEY}\n${p.text}`, id: 'm2', mode: 'reply' });
      // A key typed into the correction form is refused, not kept.
      const corrected = await onCorrect(deps, {
        key,
        id: 'f1',
        by: 'U1',
        values: { model: p.value, baseUrl: p.value },
      });
      const out = await onEscalate(deps, { key, id: 'e1', by: 'U1' });
      if (out.kind !== 'escalated') throw new Error(out.kind);
      const everything = `${handoffText(out.packet)}\n${JSON.stringify(out.packet)}\n${JSON.stringify(await threads.load(key))}`;
      expect(everything, `${p.kind} leaked`).not.toContain(p.value);
      expect(everything).not.toContain(p.text.trim());
      if (corrected.kind === 'answer') expect(JSON.stringify(corrected.result)).not.toContain(p.value);
    }
  });
});
