// Ranking is ours, not the engine's: json-rules-engine's priority is evaluation order only.
import type { Diagnosis, Facts } from '../types.js';
import type { RuleMatch } from './json-engine.js';
import { regionNote } from './region-note.js';
import { fillTemplate, templateVars } from './template.js';

/** At or above this confidence a bot may speak unprompted in a watched channel. */
export const MATCH_THRESHOLD = 0.6;

/** Most specific first: priority, then confidence, then how much evidence, then id for a stable order. */
export function rankMatches(matches: RuleMatch[]): RuleMatch[] {
  return [...matches].sort(
    (a, b) =>
      b.rule.priority - a.rule.priority ||
      b.rule.confidence - a.rule.confidence ||
      b.evidence.length - a.evidence.length ||
      a.rule.id.localeCompare(b.rule.id),
  );
}

/** `vars` are computed once per diagnosis run (templateVars(facts)) and shared by every match. */
export function toDiagnosis(match: RuleMatch, facts: Facts, vars = templateVars(facts)): Diagnosis {
  const { rule } = match;
  const fill = (s: string) => fillTemplate(s, facts, vars);
  const code = facts.code && rule.codes.includes(facts.code) ? facts.code : rule.code;
  const evidence = [...match.evidence];
  if (facts.provider === 'model_studio' && facts.providerEvidence && rule.category !== 'not_model_studio') {
    evidence.push(`Model Studio fingerprint: ${facts.providerEvidence}`);
  }
  const cause = fill(rule.cause);
  const fix = rule.fix.map(fill);
  const verify = rule.verify.map((v) => ({ say: fill(v.say), run: fill(v.run) }));
  const note = regionNote([cause, ...fix, ...verify.flatMap((v) => [v.say, v.run])].join('\n'), facts.region);
  if (note) fix.push(note);
  return {
    id: rule.id,
    category: rule.category,
    code,
    title: fill(rule.title),
    severity: rule.severity,
    confidence: rule.confidence,
    cause,
    fix,
    verify,
    evidence,
    docs: rule.docs,
  };
}

/** Whether the first diagnosis is confident enough for a bot to speak. */
export function isMatched(diagnoses: Diagnosis[], facts: Facts): boolean {
  const top = diagnoses[0];
  if (!top || top.confidence < MATCH_THRESHOLD) return false;
  // Another provider's error is worth saying only when the paste also shows a Model Studio config.
  return top.category !== 'not_model_studio' || facts.region !== undefined;
}
