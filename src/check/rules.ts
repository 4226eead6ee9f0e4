// The knowledge the diagnoser answers errors with, asked about a configuration: the facts a configuration gives
// (base URL → host, region, plan, path; key kind; key region; model) go through the same rules and the same
// answer building, with no pasted text. A rule that fires on configuration alone — a plan key on a pay-as-you-go
// host, a key from another region — is a finding; no second copy of those rules exists here.
import { toDiagnosis } from '../diagnose/answer.js';
import { rankMatches } from '../diagnose/rank.js';
import { templateVars } from '../diagnose/template.js';
import type { RuleSet } from '../engine/rule-set.js';
import { extractFacts } from '../facts/index.js';
import type { FactValue, Severity } from '../types.js';
import type { CheckFinding } from './types.js';

export interface ConfigFacts {
  baseUrl?: string;
  keyKind?: string;
  keyRegion?: string;
  model?: string;
}

const SEVERITY: Readonly<Record<Severity, CheckFinding['severity']>> = {
  critical: 'error',
  high: 'error',
  medium: 'error',
  low: 'warning',
};

/** Below this a rule's answer is a guess about an error, not a statement about a configuration. */
const MIN_CONFIDENCE = 0.6;

export async function ruleFindings(config: ConfigFacts, rules: RuleSet): Promise<CheckFinding[]> {
  const given: Record<string, FactValue> = {};
  for (const [k, v] of Object.entries(config)) if (v !== undefined && v !== '') given[k] = v;
  if (!Object.keys(given).length) return [];
  const facts = extractFacts('', [], given);
  const vars = templateVars(facts);
  const matches = rankMatches(await rules.evaluate(facts)).filter(
    (m) => m.rule.confidence >= MIN_CONFIDENCE && m.rule.category !== 'not_model_studio',
  );
  return matches.map((m) => {
    const d = toDiagnosis(m, facts, vars);
    return { id: d.id, severity: SEVERITY[d.severity], message: `${d.title}. ${d.cause}`, fix: d.fix[0] ?? '' };
  });
}
