// Metamorphic check of thread memory over the rule set's own examples: every match example that needs a setup
// fact the paste does not show (base URL, model, key kind) gets the same first diagnosis when that fact is said
// in an earlier message of the thread as when it is given with the paste.
import { describe, expect, it } from 'vitest';
import { onMessage } from '../../../src/chat/conversation/on-message.js';
import { diagnose } from '../../../src/diagnose/diagnose.js';
import { bundledRules, coreHarness } from './harness.js';

const SAYABLE = new Set(['baseUrl', 'model', 'keyKind']);

/** The fact said the way a person would say it in chat. */
function say(facts: Record<string, unknown>): string {
  const parts: string[] = [];
  if (facts.baseUrl) parts.push(`we call base_url=${facts.baseUrl}`);
  if (facts.model) parts.push(`with model ${facts.model}`);
  if (facts.keyKind) parts.push(facts.keyKind === 'coding-plan' ? 'our key is sk-sp-****' : 'our key is sk-****');
  return parts.join(', ');
}

const cases = bundledRules().rules.flatMap((rule) =>
  rule.examples.match
    .filter((ex) => ex.facts && Object.keys(ex.facts).every((k) => SAYABLE.has(k)))
    .map((ex, i) => ({ name: `${rule.id} match[${i}]`, text: ex.text, facts: ex.facts! })),
);

describe("thread memory over the rules' own examples", () => {
  it('has examples to check (the filter works)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases)('$name: a fact said earlier in the thread counts as given', async ({ text, facts }) => {
    const { deps } = coreHarness();
    const key = `ex:${text.length}:${JSON.stringify(facts)}`;
    await onMessage(deps, { key, text: say(facts), id: 'm1', mode: 'direct' });
    const out = await onMessage(deps, { key, text, id: 'm2', mode: 'reply' });
    const oneShot = await diagnose({ text, facts }, { rules: bundledRules() });
    if (out.kind !== 'answer') throw new Error(`expected an answer, got ${out.kind}`);
    expect(out.result.diagnoses[0]?.id).toBe(oneShot.diagnoses[0]?.id);
  });
});
