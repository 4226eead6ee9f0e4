// The judge of rule semantics: json-rules-engine holding every loaded rule, with our operators. In production it
// only runs rules the compiled evaluator cannot (path/params/fact references: none of the bundled rules); in tests
// and the bench it is the oracle the compiled evaluator must equal.
import { Engine } from 'json-rules-engine';
import { OPERATORS } from '../knowledge/operators.js';
import type { Rule } from '../knowledge/rule.js';
import type { Facts } from '../types.js';
import { describeEvidence } from './evidence.js';
import type { RuleMatch } from './match.js';

/** Build a plain json-rules-engine Engine over `rules` (used directly, and as the baseline in tests and bench). */
export function buildEngine(rules: Rule[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: false });
  for (const [name, fn] of Object.entries(OPERATORS)) engine.addOperator(name, fn);
  for (const rule of rules) {
    const when = 'all' in rule.when || 'any' in rule.when || 'not' in rule.when ? rule.when : { all: [rule.when] };
    engine.addRule({ name: rule.id, conditions: when as never, event: { type: rule.id }, priority: 1 });
  }
  return engine;
}

/** Run `engine` on `facts` and return the matching rules with their evidence. */
export async function runEngine(engine: Engine, byId: Map<string, Rule>, facts: Facts): Promise<RuleMatch[]> {
  const { results } = await engine.run({ ...facts });
  const matches: RuleMatch[] = [];
  for (const r of results) {
    const rule = byId.get(r.name as string);
    if (rule) matches.push({ rule, evidence: describeEvidence((r as unknown as { conditions: unknown }).conditions) });
  }
  return matches;
}
