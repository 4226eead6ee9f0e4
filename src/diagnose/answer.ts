// A ranked match -> the public Diagnosis: templates filled from the facts, the code as the paste spelt it, and
// the Model Studio fingerprint added to the evidence.
import type { RuleMatch } from '../engine/match.js';
import type { Rule } from '../knowledge/rule.js';
import type { Diagnosis, Facts, Verification } from '../types.js';
import { regionNote } from './region-note.js';
import { fillTemplate, placeholderNames, placeholderValue, templateVars } from './template.js';

/** A rule's texts as filled for one set of placeholder values, the region note included. */
interface FilledTexts {
  title: string;
  cause: string;
  fix: readonly string[];
  verify: readonly Verification[];
}

// A rule's filled texts depend only on the values of the placeholders it names and on whether the region is
// known (the region note), so they are filled once per such set of values and reused: most answers are a few
// rules with the same values again. The same string objects each time also let the HTTP serializer reuse their
// escaped form (src/http/serializers.ts). Bounded per rule; a replaced rule set's entries go with its rules.
const MAX_FILLED_PER_RULE = 8;
const filled = new WeakMap<Rule, Map<string, FilledTexts>>();
const namesOf = new WeakMap<Rule, readonly string[]>();

function placeholdersOf(rule: Rule): readonly string[] {
  let names = namesOf.get(rule);
  if (!names) {
    const texts = [rule.title, rule.cause, ...rule.fix, ...rule.verify.flatMap((v) => [v.say, v.run])];
    names = [...new Set(texts.flatMap(placeholderNames))];
    namesOf.set(rule, names);
  }
  return names;
}

function fillTexts(rule: Rule, facts: Facts, vars: Record<string, string>): FilledTexts {
  const fill = (s: string) => fillTemplate(s, facts, vars);
  const cause = fill(rule.cause);
  const fix = rule.fix.map(fill);
  const verify = rule.verify.map((v) => ({ say: fill(v.say), run: fill(v.run) }));
  const note = regionNote([cause, ...fix, ...verify.flatMap((v) => [v.say, v.run])].join('\n'), facts.region);
  if (note) fix.push(note);
  return { title: fill(rule.title), cause, fix, verify };
}

function filledTexts(rule: Rule, facts: Facts, vars: Record<string, string>): FilledTexts {
  const regionKnown = Boolean(facts.region && facts.region !== 'unknown');
  const key = `${regionKnown ? 1 : 0}\u0000${placeholdersOf(rule)
    .map((n) => placeholderValue(n, facts, vars))
    .join('\u0000')}`;
  let byValues = filled.get(rule);
  if (!byValues) {
    byValues = new Map();
    filled.set(rule, byValues);
  }
  let texts = byValues.get(key);
  if (!texts) {
    texts = fillTexts(rule, facts, vars);
    if (byValues.size >= MAX_FILLED_PER_RULE) byValues.clear();
    byValues.set(key, texts);
  }
  return texts;
}

/** `vars` are computed once per diagnosis run (templateVars(facts)) and shared by every match. */
export function toDiagnosis(match: RuleMatch, facts: Facts, vars = templateVars(facts)): Diagnosis {
  const { rule } = match;
  const code = facts.code && rule.codes.includes(facts.code) ? facts.code : rule.code;
  const evidence = [...match.evidence];
  if (facts.provider === 'model_studio' && facts.providerEvidence && rule.category !== 'not_model_studio') {
    evidence.push(`Model Studio fingerprint: ${facts.providerEvidence}`);
  }
  const texts = filledTexts(rule, facts, vars);
  return {
    id: rule.id,
    category: rule.category,
    code,
    title: texts.title,
    severity: rule.severity,
    confidence: rule.confidence,
    cause: texts.cause,
    // Fresh lists: a caller may change its answer without changing the next one.
    fix: [...texts.fix],
    verify: texts.verify.map((v) => ({ ...v })),
    evidence,
    docs: rule.docs,
  };
}
