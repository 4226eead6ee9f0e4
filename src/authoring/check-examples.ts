// Runs every rule's examples against the whole rule set: a `match` example must be diagnosed by its rule,
// first unless it says `first: false`; a `not` example must not be diagnosed by it at all.
import { diagnose } from '../diagnose/diagnose.js';
import type { RuleSet } from '../engine/rule-set.js';

export interface ExampleOutcome {
  ruleId: string;
  kind: 'match' | 'not';
  index: number;
  text: string;
  ok: boolean;
  /** 1-based rank of the rule among the diagnoses, or 0 when it did not match. */
  rank: number;
  top?: string;
  problem?: string;
}

export async function checkExamples(rules: RuleSet): Promise<ExampleOutcome[]> {
  const outcomes: ExampleOutcome[] = [];
  for (const rule of rules.rules) {
    for (const kind of ['match', 'not'] as const) {
      for (const [index, ex] of rule.examples[kind].entries()) {
        const result = await diagnose({ text: ex.text, facts: ex.facts }, { rules });
        const rank = result.diagnoses.findIndex((d) => d.id === rule.id) + 1;
        const top = result.diagnoses[0]?.id;
        let problem: string | undefined;
        if (kind === 'match' && rank === 0) problem = 'did not match';
        else if (kind === 'match' && rank !== 1 && ex.first !== false) problem = `ranked ${rank}, after ${top}`;
        else if (kind === 'not' && rank > 0) problem = `matched (rank ${rank}) but must not`;
        outcomes.push({ ruleId: rule.id, kind, index, text: ex.text, ok: !problem, rank, top, problem });
      }
    }
  }
  return outcomes;
}
