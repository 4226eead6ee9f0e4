// The one entry to the core: text (+ given facts) -> ranked diagnoses.

import { loadRules, type RuleSet } from '../engine/rule-set.js';
import { extractFacts } from '../facts/index.js';
import { boundText } from '../text/input.js';
import { redact } from '../text/redact.js';
import type { DiagnoseInput, DiagnoseResult, FactValue } from '../types.js';
import { toDiagnosis } from './answer.js';
import { isMatched } from './policy.js';
import { rankMatches } from './rank.js';
import { templateVars } from './template.js';

let defaultRules: RuleSet | undefined;

/** The bundled rules (plus RULES_DIR), loaded on first use. */
export function defaultRuleSet(): RuleSet {
  defaultRules ??= loadRules();
  return defaultRules;
}

function redactGiven(given: Record<string, FactValue> | undefined) {
  const out: Record<string, FactValue> = {};
  const findings = [];
  for (const [k, v] of Object.entries(given ?? {})) {
    if (typeof v === 'string') {
      const r = redact(v);
      findings.push(...r.findings);
      out[k] = r.text;
    } else out[k] = v;
  }
  return { facts: out, findings };
}

export interface DiagnoseOptions {
  rules?: RuleSet;
}

/** Diagnose a pasted error. Never throws on any text; secrets are redacted before anything sees it. */
export async function diagnose(input: DiagnoseInput | string, options: DiagnoseOptions = {}): Promise<DiagnoseResult> {
  const { text: rawText, facts: rawGiven } = typeof input === 'string' ? { text: input, facts: undefined } : input;
  const rules = options.rules ?? defaultRuleSet();
  const bounded = boundText(rawText);
  const redaction = redact(bounded.text);
  const given = redactGiven(rawGiven);
  const findings = [...redaction.findings, ...given.findings];
  const facts = extractFacts(redaction.text, findings, given.facts);
  if (bounded.truncated) facts.truncated = true;
  // A plain question or chat line reports no failure: no rule speaks to it (facts are still returned).
  const matches = facts.plainChat ? [] : rankMatches(await rules.evaluate(facts));
  const vars = templateVars(facts);
  const diagnoses = matches.map((m) => toDiagnosis(m, facts, vars));
  return { matched: isMatched(diagnoses, facts), facts, diagnoses, secretsFound: findings.length > 0 };
}
