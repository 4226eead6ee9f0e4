// The differential question is computed from the rules' conditions, not written per rule: over the bundled
// rules a bare InvalidApiKey asks for the base URL (its three live causes), and over a tiny rule set whose tied
// rules read only `keyRegion` it asks for the key's console — with no line of code naming either rule.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conditionFacts, findQuestion } from '../../../src/chat/conversation/differential.js';
import { onChoice } from '../../../src/chat/conversation/on-action.js';
import { onMessage } from '../../../src/chat/conversation/on-message.js';
import { diagnose } from '../../../src/diagnose/diagnose.js';
import { loadRules } from '../../../src/engine/rule-set.js';
import { bundledRules, coreHarness, INTL_BASE_URL, INVALID_KEY } from './harness.js';

const tieRules = loadRules([fileURLToPath(new URL('./fixtures/rules', import.meta.url))], { cacheDir: null });

async function questionFor(text: string, rules = bundledRules()) {
  const r = await diagnose(text, { rules });
  return findQuestion(r, r.facts, (f) => diagnose({ text, facts: f }, { rules }), rules);
}

describe('differential question', () => {
  it('asks for the base URL on a bare InvalidApiKey: the answers lead to different causes', async () => {
    const q = await questionFor(INVALID_KEY);
    expect(q?.question.id).toBe('baseUrl');
    expect(q?.question.choices.map((c) => c.label)).toEqual([
      'Beijing',
      'Singapore',
      'Coding Plan',
      'Token Plan',
      'other',
    ]);
    expect(new Set(q?.leadsTo.filter(Boolean)).size).toBeGreaterThanOrEqual(2);
  });

  it('asks for the key prefix once the base URL is known, and never for the key itself', async () => {
    const q = await questionFor(`${INVALID_KEY}\nbase_url=${INTL_BASE_URL}`);
    expect(q?.question.id).toBe('keyKind');
    expect(q?.question.choices.map((c) => c.label)).toEqual(['sk-', 'sk-sp-', 'sk-ws-']);
    expect(q?.question.text).toMatch(/never paste the key/);
  });

  it('asks nothing when no unknown fact would change the answer', async () => {
    expect(
      await questionFor('Throttling.RateQuota: Requests rate limit exceeded, please try again later.'),
    ).toBeUndefined();
    expect(await questionFor('{"code": "TestOther"}', tieRules)).toBeUndefined();
    expect(await questionFor('anyone up for lunch?')).toBeUndefined();
  });

  it('finds the separating fact from the tied rules of any rule set', async () => {
    const q = await questionFor('{"code": "TestDenied"}', tieRules);
    expect(q?.question.id).toBe('keyRegion');
    // A US key matches neither tied rule: the general cause stays first.
    expect(q?.leadsTo).toEqual(['auth.tie-by-console-cn', 'auth.tie-by-console-intl', 'auth.test-denied']);
    for (const id of ['auth.tie-by-console-cn', 'auth.tie-by-console-intl'])
      expect(conditionFacts(tieRules.get(id)!.when).has('keyRegion')).toBe(true);
  });

  it('re-diagnoses with the clicked answer, once per click', async () => {
    const { deps, threads } = coreHarness();
    const first = await onMessage(deps, { key: 'q1', text: INVALID_KEY, id: 'm1', mode: 'direct' });
    if (first.kind !== 'answer' || !first.question) throw new Error('expected an answer with a question');
    const coding = first.question.question.choices.findIndex((c) => c.label === 'Coding Plan');
    const click = { key: 'q1', id: 'click-1', by: 'U1', questionId: first.question.question.id, choice: coding };
    const out = await onChoice(deps, click);
    if (out.kind !== 'answer') throw new Error(out.kind);
    expect(out.result.diagnoses[0]?.id).toBe(first.question.leadsTo[coding]);
    expect(out.result.facts).toMatchObject({ plan: 'coding', code: 'InvalidApiKey' });
    expect(out.turn).toBe('more-facts');
    expect(await onChoice(deps, click)).toEqual({ kind: 'duplicate' });
    expect((await threads.load('q1'))?.answerIds).toHaveLength(2);
  });

  it('answers "other" with a request to paste the value, not a guess', async () => {
    const { deps } = coreHarness();
    const first = await onMessage(deps, { key: 'q2', text: INVALID_KEY, id: 'm1', mode: 'direct' });
    if (first.kind !== 'answer' || !first.question) throw new Error('expected a question');
    const other = first.question.question.choices.findIndex((c) => !c.facts);
    const out = await onChoice(deps, { key: 'q2', id: 'c', by: 'U1', questionId: 'baseUrl', choice: other });
    expect(out).toMatchObject({ kind: 'prompt', text: expect.stringContaining('Paste the base URL') });
  });
});
