// The one entry to the core: text (+ given facts) -> ranked diagnoses. diagnose() is the stages below run in
// order; each is exported so `npm run bench` can time them one by one on the same code (bench/stages.ts).

import type { RuleMatch } from '../engine/match.js';
import { loadRules, type RuleSet } from '../engine/rule-set.js';
import { extractFacts } from '../facts/index.js';
import { type BoundedText, cleanText, cutMiddle, MAX_TEXT_CHARS } from '../text/input.js';
import { redact, type SecretFinding } from '../text/redact.js';
import type { AnswerFacts, DiagnoseInput, DiagnoseResult, Facts, FactValue } from '../types.js';
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

/** What redaction hands on: the bounded, redacted text, the bounded given facts, and what was found in both. */
export interface RedactedInput {
  text: string;
  truncated: boolean;
  given: Record<string, FactValue>;
  findings: SecretFinding[];
}

/** Stage "bound": clean first (invisible characters could split a key at a cut), then a coarse cut. */
export function boundStage(rawText: unknown): BoundedText {
  return cutMiddle(cleanText(rawText), COARSE_CHARS);
}

/** Stage "redact": redact before the final cut (so no cut parts a labelled value from its label); given facts too. */
export function redactStage(coarse: BoundedText, rawGiven: unknown): RedactedInput {
  const redaction = redact(coarse.text);
  const bounded = cutMiddle(redaction.text);
  const given = boundGivenFacts(rawGiven);
  return {
    text: bounded.text,
    truncated: coarse.truncated || bounded.truncated,
    given: given.facts,
    findings: [...redaction.findings, ...given.findings],
  };
}

/** Stage "extract": facts from the redacted text, given facts winning. */
export function extractStage(input: RedactedInput): Facts {
  const facts = extractFacts(input.text, input.findings, input.given);
  if (input.truncated) facts.truncated = true;
  return facts;
}

/** Stage "render": the ranked matches as the answer (templates filled, facts shown without the text unless echo). */
export function answerStage(
  ranked: RuleMatch[],
  facts: Facts,
  findings: readonly SecretFinding[],
  echo = false,
): DiagnoseResult {
  const vars = ranked.length ? templateVars(facts) : undefined;
  const diagnoses = ranked.map((m) => toDiagnosis(m, facts, vars));
  const shown: AnswerFacts = echo ? facts : withoutText(facts);
  return { matched: isMatched(diagnoses, facts), facts: shown, diagnoses, secretsFound: findings.length > 0 };
}

/** Diagnose a pasted error. Never throws on any input; secrets are redacted before anything sees it. */
export async function diagnose(input: DiagnoseInput | string, options: DiagnoseOptions = {}): Promise<DiagnoseResult> {
  const { text: rawText, facts: rawGiven } = readInput(input);
  const rules = options.rules ?? defaultRuleSet();
  const redacted = redactStage(boundStage(rawText), rawGiven);
  const facts = extractStage(redacted);
  // A plain question or chat line reports no failure: no rule speaks to it (facts are still returned).
  const matches = facts.plainChat ? [] : rankMatches(await rules.evaluate(facts));
  return answerStage(matches, facts, redacted.findings, options.echo);
}

function withoutText(facts: Facts): AnswerFacts {
  const { text: _text, ...rest } = facts;
  return rest;
}
