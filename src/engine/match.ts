// What evaluating a rule set yields: a rule that matched and the evidence lines that say why.
import type { Rule } from '../knowledge/rule.js';

export interface RuleMatch {
  rule: Rule;
  evidence: string[];
}
