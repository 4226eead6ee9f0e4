// A loaded, immutable knowledge base: the rules and the evaluator that runs them.
import { defaultRuleDirs, loadRuleFiles } from '../knowledge/load.js';
import type { Rule } from '../knowledge/rule.js';
import type { Facts } from '../types.js';
import { buildEngine, type RuleMatch, runEngine } from './json-engine.js';

export interface RuleSet {
  readonly rules: readonly Rule[];
  readonly dirs: readonly string[];
  readonly loadedAt: Date;
  /** All rules whose conditions hold for `facts`, unranked. */
  evaluate(facts: Facts): Promise<RuleMatch[]>;
  get(id: string): Rule | undefined;
}

export function createRuleSet(rules: Rule[], dirs: string[] = []): RuleSet {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const engine = buildEngine(rules);
  return {
    rules,
    dirs,
    loadedAt: new Date(),
    evaluate: (facts) => runEngine(engine, byId, facts),
    get: (id) => byId.get(id),
  };
}

/** Load the bundled rules plus every folder in RULES_DIR (or the given folders). Throws RuleLoadError. */
export function loadRules(dirs: string[] = defaultRuleDirs()): RuleSet {
  return createRuleSet(loadRuleFiles(dirs), dirs);
}
