// The differential question: when the causes still in the running tie (within CONFIDENCE_MARGIN) and a fact the
// paste does not show would separate them, ask for that fact. Nothing here is written per rule: each candidate
// question is tried by re-diagnosing with each of its answers, and it is asked only when the answers put
// different rules first, with comparable confidence, and those rules' conditions name the fact it decides.
import type { Condition, Rule } from '../../knowledge/rule.js';
import type { DiagnoseResult, FactValue } from '../../types.js';
import { QUESTIONS, type Question } from './questions.js';

/** Causes within this much confidence of the top one are still in the running. */
const CONFIDENCE_MARGIN = 0.1;

/** The rules by id (a RuleSet is one). */
export interface RuleLookup {
  get(id: string): Rule | undefined;
}

/** Every fact a condition tree names. */
export function conditionFacts(c: Condition, out = new Set<string>()): Set<string> {
  if ('fact' in c) out.add(c.fact);
  else if ('all' in c) for (const x of c.all) conditionFacts(x, out);
  else if ('any' in c) for (const x of c.any) conditionFacts(x, out);
  else conditionFacts(c.not, out);
  return out;
}

export interface DifferentialQuestion {
  question: Question;
  /** For each choice (by index), the rule it would put first; absent for "other" or when nothing would match. */
  leadsTo: (string | undefined)[];
}

/**
 * The question worth asking about `baseline`, or undefined. `rediagnose(facts)` diagnoses the same paste with
 * `facts` stated on top of what is known; `known` is every fact known so far.
 */
export async function findQuestion(
  baseline: DiagnoseResult,
  known: Readonly<Record<string, FactValue | undefined>>,
  rediagnose: (facts: Record<string, FactValue>) => Promise<DiagnoseResult>,
  rules: RuleLookup,
): Promise<DifferentialQuestion | undefined> {
  const top = baseline.diagnoses[0];
  if (!top) return undefined;
  const floor = top.confidence - CONFIDENCE_MARGIN;
  let best: { q: DifferentialQuestion; distinct: number } | undefined;
  for (const question of QUESTIONS) {
    if (question.decides.some((f) => known[f] !== undefined)) continue;
    const leadsTo: (string | undefined)[] = [];
    for (const choice of question.choices) {
      if (!choice.facts) {
        leadsTo.push(undefined);
        continue;
      }
      const first = (await rediagnose(choice.facts)).diagnoses[0];
      leadsTo.push(first && first.confidence >= floor ? first.id : undefined);
    }
    const outcomes = new Set(leadsTo.filter((x): x is string => x !== undefined));
    // The answers must separate causes, and the separating rules must read the fact this question decides.
    const readsFact = [...outcomes].some((id) => {
      const rule = rules.get(id);
      return rule !== undefined && question.decides.some((f) => conditionFacts(rule.when).has(f));
    });
    if (outcomes.size < 2 || !readsFact) continue;
    if (!best || outcomes.size > best.distinct) best = { q: { question, leadsTo }, distinct: outcomes.size };
  }
  return best?.q;
}
