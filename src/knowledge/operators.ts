// Operators rules may use. json-rules-engine's built-ins plus the ones error text needs.
// Negative built-ins are redefined so an absent fact never satisfies them: without this, a rule saying
// "key is not Coding Plan" fires when no key was pasted at all.

export type OperatorFn = (factValue: unknown, value: unknown) => boolean;

const regexCache = new Map<string, RegExp>();

/** Compile once, reuse forever; patterns come from validated rules, so the cache is bounded by the rule set. */
export function compiledRegex(pattern: string, flags: string): RegExp {
  const key = `${flags}/${pattern}`;
  let re = regexCache.get(key);
  if (!re) {
    re = new RegExp(pattern, flags);
    regexCache.set(key, re);
  }
  return re;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const present = (v: unknown) => v !== undefined && v !== null && v !== '';
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

export const OPERATORS: Readonly<Record<string, OperatorFn>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => present(a) && a !== b,
  in: (a, b) => Array.isArray(b) && b.includes(a),
  notIn: (a, b) => present(a) && Array.isArray(b) && !b.includes(a),
  contains: (a, b) => Array.isArray(a) && a.includes(b),
  doesNotContain: (a, b) => Array.isArray(a) && !a.includes(b),
  lessThan: (a, b) => typeof a === 'number' && typeof b === 'number' && a < b,
  lessThanInclusive: (a, b) => typeof a === 'number' && typeof b === 'number' && a <= b,
  greaterThan: (a, b) => typeof a === 'number' && typeof b === 'number' && a > b,
  greaterThanInclusive: (a, b) => typeof a === 'number' && typeof b === 'number' && a >= b,
  /** Case-insensitive regex over a string, or over any element of a string array. */
  matches: (a, b) => isString(b) && asList(a).some((x) => isString(x) && compiledRegex(b, 'i').test(x)),
  /** Case-sensitive regex. */
  matchesCase: (a, b) => isString(b) && asList(a).some((x) => isString(x) && compiledRegex(b, '').test(x)),
  /** Case-insensitive substring; over arrays, any element. */
  containsI: (a, b) => isString(b) && asList(a).some((x) => isString(x) && x.toLowerCase().includes(b.toLowerCase())),
  startsWith: (a, b) => isString(a) && isString(b) && a.startsWith(b),
  /** Inclusive numeric range `[min, max]`. */
  between: (a, b) =>
    typeof a === 'number' && Array.isArray(b) && b.length === 2 && a >= Number(b[0]) && a <= Number(b[1]),
  /** `value: true` — the fact is known; `value: false` — it is absent. */
  present: (a, b) => present(a) === (b !== false),
};

export const OPERATOR_NAMES = Object.keys(OPERATORS);
export const REGEX_OPERATORS = new Set(['matches', 'matchesCase']);
