// The verify loop through the shared core: a pasted success closes the thread and records `fixed` for the
// rule that was tried; the same error again names what was tried and offers the next cause; a new error is
// diagnosed afresh. Every step lands in the thread's record for the handoff packet.
import { describe, expect, it } from 'vitest';
import { onMarkSolved } from '../../../src/chat/conversation/on-action.js';
import { onMessage } from '../../../src/chat/conversation/on-message.js';
import { showsSuccess } from '../../../src/chat/conversation/success.js';
import { diagnose } from '../../../src/diagnose/diagnose.js';
import { bundledRules, coreHarness, INVALID_KEY, OK_OUTPUT } from './harness.js';

const RATE = 'Throttling.RateQuota: Requests rate limit exceeded, please try again later.';

describe('verify loop', () => {
  it('marks the thread solved on a pasted 200 and records fixed for the rule tried', async () => {
    const { deps, feedback, threads } = coreHarness();
    const first = await onMessage(deps, { key: 'v1', text: INVALID_KEY, id: 'm1', mode: 'direct' });
    if (first.kind !== 'answer') throw new Error(first.kind);
    const out = await onMessage(deps, { key: 'v1', text: OK_OUTPUT, id: 'm2', mode: 'reply' });
    expect(out).toMatchObject({ kind: 'solved', ruleId: first.result.diagnoses[0]?.id, answerId: first.answerId });
    expect(feedback).toEqual([
      {
        answerId: first.answerId,
        verdict: 'fixed',
        ruleId: first.result.diagnoses[0]?.id,
        surface: 'slack',
        source: 'verify',
      },
    ]);
    const state = await threads.load('v1');
    expect(state).toMatchObject({ status: 'solved', verify: { result: 'success' } });
  });

  it('says "same error again" and offers the next untried cause', async () => {
    const { deps, threads } = coreHarness();
    const first = await onMessage(deps, { key: 'v2', text: INVALID_KEY, id: 'm1', mode: 'direct' });
    if (first.kind !== 'answer') throw new Error(first.kind);
    const again = await onMessage(deps, { key: 'v2', text: INVALID_KEY, id: 'm2', mode: 'reply' });
    if (again.kind !== 'answer') throw new Error(again.kind);
    expect(again.turn).toBe('same-error');
    expect(again.repeatOf?.id).toBe(first.result.diagnoses[0]?.id);
    expect(again.result.diagnoses[0]?.id).toBe(first.result.diagnoses[1]?.id);
    // Third time: both causes tried, nothing new left to offer — escalation is.
    const third = await onMessage(deps, { key: 'v2', text: INVALID_KEY, id: 'm3', mode: 'reply' });
    if (third.kind !== 'answer') throw new Error(third.kind);
    const all = (await diagnose(INVALID_KEY, { rules: bundledRules() })).diagnoses.length;
    if (all === 2) expect(third.exhausted).toBe(true);
    expect((await threads.load('v2'))?.verify?.result).toBe('same-error');
  });

  it('diagnoses a new error afresh', async () => {
    const { deps, threads } = coreHarness();
    await onMessage(deps, { key: 'v3', text: INVALID_KEY, id: 'm1', mode: 'direct' });
    const out = await onMessage(deps, { key: 'v3', text: RATE, id: 'm2', mode: 'reply' });
    if (out.kind !== 'answer') throw new Error(out.kind);
    expect(out.turn).toBe('new-error');
    expect(out.result.diagnoses[0]?.id).toBe('rate_limit.rpm-exceeded');
    // The old error's facts are gone: the code is the new one.
    expect(out.result.facts.code).toBe('Throttling.RateQuota');
    expect(out.result.facts.requestId).toBeUndefined();
    expect((await threads.load('v3'))?.verify?.result).toBe('new-error');
  });

  it('tells a success from an error that mentions 200', () => {
    const ok = (text: string) => showsSuccess(text, {});
    expect(ok(OK_OUTPUT)).toBe(true);
    expect(ok('{"output":{"text":"hello","finish_reason":"stop"},"usage":{"total_tokens":9},"request_id":"x"}')).toBe(
      true,
    );
    expect(ok('< HTTP/2 200\n< content-type: application/json')).toBe(true);
    expect(ok('thanks!')).toBe(false);
    expect(showsSuccess('HTTP 200 but then {"code":"InvalidParameter"}', { code: 'InvalidParameter' })).toBe(false);
  });

  it('"Mark solved" records fixed once, however often it is pressed', async () => {
    const { deps, feedback } = coreHarness();
    await onMessage(deps, { key: 'v4', text: INVALID_KEY, id: 'm1', mode: 'direct' });
    expect(await onMarkSolved(deps, { key: 'v4', id: 'i1', by: 'U1' })).toMatchObject({ kind: 'solved', first: true });
    expect(await onMarkSolved(deps, { key: 'v4', id: 'i1', by: 'U1' })).toEqual({ kind: 'duplicate' });
    expect(await onMarkSolved(deps, { key: 'v4', id: 'i2', by: 'U2' })).toMatchObject({ first: false });
    expect(feedback).toHaveLength(1);
  });
});
