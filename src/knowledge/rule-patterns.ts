// Every regex a rule's conditions use, with the flags it runs with.
import { REGEX_OPERATORS } from './operators.js';
import { type Condition, isLeaf } from './rule.js';

export function rulePatterns(c: Condition, out: { pattern: string; flags: string }[] = []) {
  if (isLeaf(c)) {
    if (REGEX_OPERATORS.has(c.operator) && typeof c.value === 'string') {
      out.push({ pattern: c.value, flags: c.operator === 'matchesCase' ? '' : 'i' });
    }
  } else if ('all' in c) for (const s of c.all) rulePatterns(s, out);
  else if ('any' in c) for (const s of c.any) rulePatterns(s, out);
  else rulePatterns(c.not, out);
  return out;
}
