// What must be true of the facts for a rule to possibly match, derived from its condition tree alone.
// A requirement is a list of keys of which at least one holds whenever the rule matches; undefined means
// "nothing indexable": the rule is always a candidate. Every derivation step may only lose precision,
// never claim more than the tree says.
import type { Condition } from '../../knowledge/rule.js';
import { literalWeight, requiredLiterals } from '../../scan/regex-literals.js';

type Key =
  | { kind: 'literal'; literal: string }
  | { kind: 'exact'; fact: string; value: string | number | boolean }
  | { kind: 'present'; fact: string };

export type Requirement = Key[] | undefined;

/** Operators that are false whenever the fact is absent (undefined or null): their leaf requires presence. */
const NEEDS_PRESENCE = new Set([
  'notEqual',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'matches',
  'matchesCase',
  'containsI',
  'startsWith',
  'between',
]);

const isExactValue = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * How many conditions across all rules test each exact fact value. A value many rules test (`provider:
 * model_studio`, `status: 400`) is a generic one, likely present in a paste; one only a rule or two test (a code)
 * is specific. Derived from the rule conditions alone.
 */
export type Cardinality = ReadonlyMap<string, ReadonlyMap<unknown, number>>;

export function factCardinality(trees: readonly Condition[]): Cardinality {
  const usage = new Map<string, Map<unknown, number>>();
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else {
      const add = (v: unknown) => {
        const counts = usage.get(c.fact) ?? new Map<unknown, number>();
        counts.set(v, (counts.get(v) ?? 0) + 1);
        usage.set(c.fact, counts);
      };
      if (c.operator === 'equal') add(c.value);
      else if (c.operator === 'in' && Array.isArray(c.value)) c.value.forEach(add);
    }
  };
  trees.forEach(walk);
  return usage;
}

/** Estimated chance a key holds on a typical paste; lower is more selective. A heuristic: it only picks. */
function keyCost(key: Key, card: Cardinality): number {
  if (key.kind === 'literal') return Math.min(1, 0.5 / literalWeight(key.literal) ** 2);
  if (key.kind === 'exact') return Math.min(0.5, 0.01 * (card.get(key.fact)?.get(key.value) ?? 1));
  return 0.5;
}

function requirementCost(req: Requirement, card: Cardinality): number {
  if (!req) return Number.POSITIVE_INFINITY;
  let sum = 0;
  for (const k of req) sum += keyCost(k, card);
  return Math.min(1, sum);
}

function leafRequirement(fact: string, operator: string, value: unknown): Requirement {
  if (fact === 'text') {
    // The text is always present; only a literal of its regex narrows anything.
    if ((operator === 'matches' || operator === 'matchesCase') && typeof value === 'string') {
      return requiredLiterals(value)?.map((literal) => ({ kind: 'literal', literal }));
    }
    return undefined;
  }
  if (operator === 'equal' && isExactValue(value)) return [{ kind: 'exact', fact, value }];
  if (operator === 'in' && Array.isArray(value) && value.length > 0 && value.every(isExactValue)) {
    return value.map((v) => ({ kind: 'exact', fact, value: v }));
  }
  if ((operator === 'present' && value !== false) || NEEDS_PRESENCE.has(operator)) return [{ kind: 'present', fact }];
  return undefined;
}

/** all: the most selective child that has a requirement; any: every branch's, or none; not: none. */
export function deriveRequirement(c: Condition, card: Cardinality): Requirement {
  if ('all' in c) {
    let best: Requirement;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const sub of c.all) {
      const req = deriveRequirement(sub, card);
      const cost = requirementCost(req, card);
      if (cost < bestCost) [best, bestCost] = [req, cost];
    }
    return best;
  }
  if ('any' in c) {
    const keys: Key[] = [];
    for (const sub of c.any) {
      const req = deriveRequirement(sub, card);
      if (!req) return undefined;
      keys.push(...req);
    }
    return keys;
  }
  if ('not' in c) return undefined;
  return leafRequirement(c.fact, c.operator, c.value);
}
