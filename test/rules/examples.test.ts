// Every rule's examples run against the WHOLE rule set: a match example must be diagnosed by its rule first
// (unless it says `first: false`); a not example must not be diagnosed by it. Catches a new rule shadowing an old one.
import { describe, expect, it } from 'vitest';
import { checkExamples } from '../../src/authoring/check-examples.js';
import { lintRules } from '../../src/authoring/lint.js';
import { loadRules } from '../../src/engine/rule-set.js';

const rules = loadRules();
const outcomes = await checkExamples(rules);

describe('rule examples', () => {
  it('loads a non-trivial knowledge base', () => {
    expect(rules.rules.length).toBeGreaterThan(0);
  });
  it.each(outcomes.map((o) => [`${o.ruleId} ${o.kind}[${o.index}]`, o] as const))('%s', (_name, o) => {
    expect(o.problem, `${o.text.slice(0, 200)}`).toBeUndefined();
  });
});

describe('rule catalogue', () => {
  it('passes lint: known facts, both kinds of example, no literal keys', () => {
    expect(lintRules(rules.rules)).toEqual([]);
  });
  it('every category in use has at least one rule with a verification command', () => {
    for (const r of rules.rules) expect(r.verify.length, r.id).toBeGreaterThan(0);
  });
});
