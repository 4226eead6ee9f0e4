// The one entry to the core: text (+ given facts) -> ranked diagnoses.

import { loadRules, type RuleSet } from '../engine/rule-set.js';
import { extractFacts } from '../facts/index.js';
import { cleanText, cutMiddle, MAX_TEXT_CHARS } from '../text/input.js';
import { redact } from '../text/redact.js';
import type { AnswerFacts, DiagnoseInput, DiagnoseResult, Facts } from '../types.js';
import { toDiagnosis } from './answer.js';
import { boundGivenFacts } from './given-facts.js';
import { isMatched } from './policy.js';
import { rankMatches } from './rank.js';
import { templateVars } from './template.js';

let defaultRules: RuleSet | undefined;

/** The bundled rules (plus RULES_DIR), loaded on first use. */
export function defaultRuleSet(): RuleSet {
  defaultRules ??= loadRules();
  return defaultRules;
}

export interface DiagnoseOptions {
  rules?: RuleSet;
  /**
   * Include the (redacted, bounded) pasted text as `facts.text` in the result. Off by default: a credential of a
   * shape redaction does not know would come back in it.
   */
  echo?: boolean;
}

/** Beyond this the text is cut before redaction, to bound its cost; the final cut comes after redaction. */
const COARSE_CHARS = MAX_TEXT_CHARS * 4;

function readInput(input: unknown): { text: unknown; facts: unknown } {
  if (input && typeof input === 'object') return input as { text: unknown; facts: unknown };
  return { text: input, facts: undefined };
}

/** Diagnose a pasted error. Never throws on any input; secrets are redacted before anything sees it. */
export async function diagnose(input: DiagnoseInput | string, options: DiagnoseOptions = {}): Promise<DiagnoseResult> {
  const { text: rawText, facts: rawGiven } = readInput(input);
  const rules = options.rules ?? defaultRuleSet();
  // Clean first (invisible characters could split a key at a cut), redact before the final cut (so no cut parts
  // a labelled value from its label).
  const coarse = cutMiddle(cleanText(rawText), COARSE_CHARS);
  const redaction = redact(coarse.text);
  const bounded = cutMiddle(redaction.text);
  const given = boundGivenFacts(rawGiven);
  const findings = [...redaction.findings, ...given.findings];
  const facts = extractFacts(bounded.text, findings, given.facts);
  if (coarse.truncated || bounded.truncated) facts.truncated = true;
  // A plain question or chat line reports no failure: no rule speaks to it (facts are still returned).
  const matches = facts.plainChat ? [] : rankMatches(await rules.evaluate(facts));
  const vars = templateVars(facts);
  const diagnoses = matches.map((m) => toDiagnosis(m, facts, vars));
  const shown: AnswerFacts = options.echo ? facts : withoutText(facts);
  return { matched: isMatched(diagnoses, facts), facts: shown, diagnoses, secretsFound: findings.length > 0 };
}

function withoutText(facts: Facts): AnswerFacts {
  const { text: _text, ...rest } = facts;
  return rest;
}
