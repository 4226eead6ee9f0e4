// A loaded, immutable knowledge base: the rules, a candidate index over them, and their compiled conditions.
// Only candidates are evaluated, synchronously; rules whose conditions use engine features the compiler does
// not mirror are run by a json-rules-engine Engine holding just those rules.
import type { Engine } from 'json-rules-engine';
import { defaultRuleDirs, loadRuleFiles } from '../knowledge/load.js';
import type { Rule } from '../knowledge/rule.js';
import type { Facts } from '../types.js';
import { CandidateIndex, type IndexStats } from './candidate-index.js';
import { type CompiledCondition, compileCondition } from './compile.js';
import { buildEngine, type RuleMatch, runEngine } from './json-engine.js';
import { deriveRequirement, factCardinality, type Requirement } from './requirements.js';

export interface RuleSet {
  readonly rules: readonly Rule[];
  readonly dirs: readonly string[];
  readonly loadedAt: Date;
  /** All rules whose conditions hold for `facts`, unranked. */
  evaluate(facts: Facts): Promise<RuleMatch[]>;
  get(id: string): Rule | undefined;
}

/** The fast path's internals, for tests and the benchmark. */
export interface IndexedRuleSet extends RuleSet {
  readonly indexStats: IndexStats;
  /** Rules left to json-rules-engine because the compiler does not mirror a feature they use. */
  readonly engineOnly: readonly Rule[];
  /** The compiled rules' matches, synchronously (excludes `engineOnly` rules). */
  evaluateCompiled(facts: Facts): RuleMatch[];
  /** Indices (into `rules`) of the candidates selected for `facts`. */
  candidates(facts: Facts): number[];
}

export function createRuleSet(rules: Rule[], dirs: string[] = []): IndexedRuleSet {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const compiled: (CompiledCondition | undefined)[] = rules.map((r) => compileCondition(r.when));
  const engineOnly = rules.filter((_, i) => !compiled[i]);
  const card = factCardinality(rules.map((r) => r.when));
  // Engine-only rules never enter the index: they are run on every diagnosis, by the engine.
  const requirements: Requirement[] = rules.map((r, i) => (compiled[i] ? deriveRequirement(r.when, card) : []));
  const index = new CandidateIndex(requirements);
  let engine: Engine | undefined;

  function evaluateCompiled(facts: Facts): RuleMatch[] {
    const matches: RuleMatch[] = [];
    for (const i of index.select(facts)) {
      const c = compiled[i] as CompiledCondition;
      if (!c.test(facts)) continue;
      const evidence: string[] = [];
      c.evidence(facts, evidence);
      matches.push({ rule: rules[i] as Rule, evidence });
    }
    return matches;
  }

  return {
    rules,
    dirs,
    loadedAt: new Date(),
    indexStats: index.stats,
    engineOnly,
    evaluateCompiled,
    candidates: (facts) => [...index.select(facts)],
    async evaluate(facts) {
      const matches = evaluateCompiled(facts);
      if (engineOnly.length === 0) return matches;
      engine ??= buildEngine(engineOnly);
      return [...matches, ...(await runEngine(engine, byId, facts))];
    },
    get: (id) => byId.get(id),
  };
}

/** Load the bundled rules plus every folder in RULES_DIR (or the given folders). Throws RuleLoadError. */
export function loadRules(dirs: string[] = defaultRuleDirs()): IndexedRuleSet {
  return createRuleSet(loadRuleFiles(dirs), dirs);
}
