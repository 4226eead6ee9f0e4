// Refuses regexes that can backtrack catastrophically. A fast structural check here;
// the thorough checker can replace it without changing callers.

// Star height > 1: a quantified group that itself contains an unbounded quantifier, e.g. (a+)+ or (\w*\s?)*.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,\d*\})/;

/** Returns why the pattern is unsafe, or undefined when it is safe. */
export function checkRegexSafety(pattern: string): string | undefined {
  if (pattern.length > 2000) return 'pattern longer than 2000 characters';
  if (NESTED_QUANTIFIER.test(pattern)) return 'a quantified group contains another unbounded quantifier (e.g. (a+)+)';
  return undefined;
}
