// A loaded, immutable knowledge base: the rules, a candidate index over them, and their compiled conditions.
// Only candidates are evaluated, synchronously; rules whose conditions use engine features the compiler does
// not mirror are run by a json-rules-engine Engine holding just those rules.
// json-rules-engine is imported only when such rules exist: the CLI's start-up does not pay for it.

import { defaultCacheDir } from '../cache-dir.js';
import { configuredCacheDir } from '../config/rules.js';
import { defaultRuleDirs, loadRuleFiles } from '../knowledge/load.js';
import type { Rule } from '../knowledge/rule.js';
import type { ScannerData } from '../scan/aho-corasick.js';
import type { Facts } from '../types.js';
import { type CompiledCondition, compileCondition } from './compile.js';
import { CandidateIndex, type IndexStats } from './index/candidate-index.js';
import { deriveRequirement, factCardinality, type Requirement } from './index/requirements.js';
import type { RuleMatch } from './match.js';
import { fingerprint, readCache, writeCache } from './rule-cache.js';

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
  /** evaluateCompiled's second half: the compiled rules among `candidates` (from `candidates(facts)`) that hold. */
  evaluateCandidates(facts: Facts, candidates: readonly number[]): RuleMatch[];
  /** Indices (into `rules`) of the candidates selected for `facts`. */
  candidates(facts: Facts): number[];
  /** The candidate index's built literal scanner, which the rule cache keeps. */
  scannerData(): ScannerData;
}

/** Each rule's index requirement; engine-only rules get none ([]): the engine runs them on every diagnosis. */
function deriveRequirements(rules: readonly Rule[]): Requirement[] {
  const card = factCardinality(rules.map((r) => r.when));
  return rules.map((r) => (compileCondition(r.when) ? deriveRequirement(r.when, card) : []));
}

type EngineRun = (facts: Facts) => Promise<RuleMatch[]>;

/** `requirements` (from deriveRequirements over the same rules) and the index's `scanner` may come from the rule cache. */
export function createRuleSet(
  rules: Rule[],
  dirs: string[] = [],
  requirements?: Requirement[],
  scanner?: ScannerData,
): IndexedRuleSet {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const compiled: (CompiledCondition | undefined)[] = rules.map((r) => compileCondition(r.when));
  const engineOnly = rules.filter((_, i) => !compiled[i]);
  const index = new CandidateIndex(requirements ?? deriveRequirements(rules), scanner);
  let engineRun: Promise<EngineRun> | undefined;
  const loadEngine = async (): Promise<EngineRun> => {
    const { buildEngine, runEngine } = await import('./json-engine.js');
    const engine = buildEngine(engineOnly);
    return (facts) => runEngine(engine, byId, facts);
  };

  function evaluateCandidates(facts: Facts, candidates: readonly number[]): RuleMatch[] {
    const matches: RuleMatch[] = [];
    for (const i of candidates) {
      const c = compiled[i];
      if (!c?.test(facts)) continue;
      const evidence: string[] = [];
      c.evidence(facts, evidence);
      matches.push({ rule: rules[i] as Rule, evidence });
    }
    return matches;
  }
  const evaluateCompiled = (facts: Facts) => evaluateCandidates(facts, index.select(facts));

  return {
    rules,
    dirs,
    loadedAt: new Date(),
    indexStats: index.stats,
    engineOnly,
    evaluateCompiled,
    evaluateCandidates,
    candidates: (facts) => [...index.select(facts)],
    scannerData: () => index.scannerData(),
    async evaluate(facts) {
      const matches = evaluateCompiled(facts);
      if (engineOnly.length === 0) return matches;
      engineRun ??= loadEngine();
      return [...matches, ...(await (await engineRun)(facts))];
    },
    get: (id) => byId.get(id),
  };
}

export interface LoadOptions {
  /** Where the validated set is cached between processes; null: no cache. Default: node_modules/.cache. */
  cacheDir?: string | null;
}

/** Load the bundled rules plus every folder in RULES_DIR (or the given folders). Throws RuleLoadError. */
export function loadRules(dirs: string[] = defaultRuleDirs(), options: LoadOptions = {}): IndexedRuleSet {
  const cacheDir = options.cacheDir === undefined ? (configuredCacheDir() ?? defaultCacheDir()) : options.cacheDir;
  if (cacheDir === null) return createRuleSet(loadRuleFiles(dirs), dirs);
  // Fingerprint before loading: a file changed meanwhile makes the next start's key differ, never a stale hit.
  const key = fingerprint(dirs);
  const cached = readCache(dirs, key, cacheDir);
  if (cached) return createRuleSet(cached.rules, dirs, cached.requirements, cached.scanner);
  const rules = loadRuleFiles(dirs);
  const requirements = deriveRequirements(rules);
  const set = createRuleSet(rules, dirs, requirements);
  writeCache(dirs, key, cacheDir, { rules, requirements, scanner: set.scannerData() });
  return set;
}
