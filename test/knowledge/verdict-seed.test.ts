// The committed regex verdicts cover every bundled rule pattern, so a fresh clone never runs the slow checker
// for shipped rules. When this fails after editing a rule: `npm run rules:verdicts` and commit the file.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/engine/rule-set.js';
import { hasNestedQuantifier, seedHas } from '../../src/knowledge/regex-safety.js';
import { rulePatterns } from '../../src/knowledge/rule-patterns.js';

describe('rules/.regex-verdicts.json', () => {
  it('holds a verdict for every regex of the bundled rules', () => {
    const rules = loadRules();
    const patterns = rules.rules.flatMap((r) => rulePatterns(r.when).map((p) => ({ ...p, id: r.id })));
    expect(patterns.length).toBeGreaterThan(50);
    const missing = patterns.filter((p) => !hasNestedQuantifier(p.pattern) && !seedHas(p.pattern, p.flags));
    expect(
      missing.map((p) => `${p.id}: /${p.pattern}/${p.flags}`),
      'run `npm run rules:verdicts` and commit rules/.regex-verdicts.json',
    ).toEqual([]);
  });
});
