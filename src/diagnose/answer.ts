// A ranked match -> the public Diagnosis: templates filled from the facts, the code as the paste spelt it, and
// the Model Studio fingerprint added to the evidence.
import type { RuleMatch } from '../engine/match.js';
import type { Diagnosis, Facts } from '../types.js';
import { fillTemplate, templateVars } from './template.js';

/** `vars` are computed once per diagnosis run (templateVars(facts)) and shared by every match. */
export function toDiagnosis(match: RuleMatch, facts: Facts, vars = templateVars(facts)): Diagnosis {
  const { rule } = match;
  const fill = (s: string) => fillTemplate(s, facts, vars);
  const code = facts.code && rule.codes.includes(facts.code) ? facts.code : rule.code;
  const evidence = [...match.evidence];
  if (facts.provider === 'model_studio' && facts.providerEvidence && rule.category !== 'not_model_studio') {
    evidence.push(`Model Studio fingerprint: ${facts.providerEvidence}`);
  }
  return {
    id: rule.id,
    category: rule.category,
    code,
    title: fill(rule.title),
    severity: rule.severity,
    confidence: rule.confidence,
    cause: fill(rule.cause),
    fix: rule.fix.map(fill),
    verify: rule.verify.map((v) => ({ say: fill(v.say), run: fill(v.run) })),
    evidence,
    docs: rule.docs,
  };
}
