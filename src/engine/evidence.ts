// Turns the conditions that passed into words a person can check against their paste.
import { compiledRegex } from '../knowledge/operators.js';

export interface ConditionResult {
  fact?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  result?: boolean;
  all?: ConditionResult[];
  any?: ConditionResult[];
  not?: ConditionResult;
}

const quote = (v: unknown) =>
  typeof v === 'string' ? `"${v.length > 120 ? `${v.slice(0, 117)}…` : v}"` : JSON.stringify(v);

/** Words for one leaf that passed, or undefined when it has nothing to show. */
export function describeLeaf(c: ConditionResult, precompiled?: RegExp): string | undefined {
  const { fact, operator, value, factResult } = c;
  if (!fact || !operator) return undefined;
  switch (operator) {
    case 'matches':
    case 'matchesCase': {
      const list = Array.isArray(factResult) ? factResult : [factResult];
      for (const item of list) {
        if (typeof item !== 'string' || typeof value !== 'string') continue;
        const m = (precompiled ?? compiledRegex(value, operator === 'matches' ? 'i' : '')).exec(item);
        if (m)
          return fact === 'text' ? `the text says ${quote(m[0])}` : `${fact} ${quote(item)} matches ${quote(m[0])}`;
      }
      return undefined;
    }
    case 'present':
      return value === false ? `no ${fact} is known` : `${fact} is ${quote(factResult)}`;
    case 'equal':
    case 'in':
      return `${fact} is ${quote(factResult)}`;
    case 'notEqual':
    case 'notIn':
      return `${fact} is ${quote(factResult)}, not ${Array.isArray(value) ? value.map(quote).join(' / ') : quote(value)}`;
    case 'contains':
    case 'containsI':
      return `${fact} includes ${quote(value)}`;
    case 'between':
      return `${fact} is ${quote(factResult)}`;
    default:
      return `${fact} ${operator} ${quote(value)} (${quote(factResult)})`;
  }
}

/** Collect descriptions of the leaves that made the tree pass. `not` branches are skipped: absence is no evidence. */
export function describeEvidence(tree: unknown, out: string[] = []): string[] {
  const c = tree as ConditionResult;
  if (!c || typeof c !== 'object') return out;
  for (const list of [c.all, c.any]) {
    if (!list) continue;
    for (const sub of list) if (sub.result !== false) describeEvidence(sub, out);
  }
  if (c.fact && c.result) {
    const words = describeLeaf(c);
    if (words && !out.includes(words)) out.push(words);
  }
  return out;
}
