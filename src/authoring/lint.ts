// Rule author's lint: beyond load-time validation, checks what keeps a knowledge base honest.
import { FACT_NAMES, factValues, isFactName } from '../facts/catalog.js';
import type { Condition, Rule } from '../knowledge/rule.js';
import { isLeaf } from '../knowledge/rule.js';

export interface LintProblem {
  file: string;
  ruleId: string;
  message: string;
}

function leaves(c: Condition, out: { fact: string; operator: string; value: unknown }[] = []) {
  if (isLeaf(c)) out.push(c);
  else if ('all' in c) for (const s of c.all) leaves(s, out);
  else if ('any' in c) for (const s of c.any) leaves(s, out);
  else leaves(c.not, out);
  return out;
}

const NEGATIVE = new Set(['notEqual', 'notIn', 'doesNotContain']);
/** Operators whose value is one of the fact's values (or a list of them). */
const BY_VALUE = new Set(['equal', 'notEqual', 'in', 'notIn']);

/** Values a condition compares a vocabulary fact with that the fact can never take (a typo never fires). */
function outsideVocabulary(leaf: { fact: string; operator: string; value: unknown }): string | undefined {
  if (!isFactName(leaf.fact) || !BY_VALUE.has(leaf.operator)) return undefined;
  const allowed = factValues(leaf.fact);
  if (!allowed) return undefined;
  const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  const strays = values.filter((v) => !allowed.includes(String(v)));
  if (!strays.length) return undefined;
  return `condition compares ${leaf.fact} with ${strays.map((v) => `"${v}"`).join(', ')}, which it never takes (one of: ${allowed.join(', ')})`;
}

export function lintRules(rules: readonly Rule[]): LintProblem[] {
  const problems: LintProblem[] = [];
  const known = new Set<string>(FACT_NAMES);
  for (const rule of rules) {
    const add = (message: string) => problems.push({ file: rule.file, ruleId: rule.id, message });
    for (const leaf of leaves(rule.when)) {
      if (!known.has(leaf.fact))
        add(`condition names fact "${leaf.fact}", which no extractor produces (known: ${FACT_NAMES.join(', ')})`);
      const stray = outsideVocabulary(leaf);
      if (stray) add(stray);
      if (NEGATIVE.has(leaf.operator) && leaf.fact !== 'text') {
        // Our negative operators are false on absent facts; say so, so authors don't expect otherwise.
        if (!leaves(rule.when).some((l) => l.fact === leaf.fact && !NEGATIVE.has(l.operator))) {
          add(
            `"${leaf.fact} ${leaf.operator}" is false when ${leaf.fact} is unknown — add an explicit present/equal condition if that is not intended`,
          );
        }
      }
    }
    if (rule.examples.match.length === 0) add('needs at least one examples.match');
    if (rule.examples.not.length === 0) add('needs at least one examples.not');
    for (const v of rule.verify)
      if (/\bsk-[A-Za-z0-9]/.test(v.run)) add('a verify command holds a literal key; use $DASHSCOPE_API_KEY');
  }
  return problems;
}
