// The validated shape of one rule file. Everything downstream trusts these types.
import type { Category, FactValue, Severity, Verification } from '../types.js';

/** Answer-side expectations a rule example may state (`examples.match[i].expect`). */
export interface AnswerExpectation {
  /** Substrings the rule's rendered answer (title, cause, fix, verify) must contain, exact case. */
  contains?: string[];
  /** Substrings it must not contain. */
  notContains?: string[];
}

export interface LeafCondition {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
}
interface AllCondition {
  all: Condition[];
}
interface AnyCondition {
  any: Condition[];
}
interface NotCondition {
  not: Condition;
}
export type Condition = LeafCondition | AllCondition | AnyCondition | NotCondition;

export interface RuleExample {
  text: string;
  facts?: Record<string, FactValue>;
  /** For `match` examples: must this rule rank first? Default true. */
  first?: boolean;
  /** For `match` examples: what this rule's rendered answer must (not) contain. */
  expect?: AnswerExpectation;
}

export interface Rule {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  /** Specificity: higher ranks first when several rules match. 0–100. */
  priority: number;
  /** How sure a match makes us, 0–1. At or above the match threshold a bot speaks unprompted. */
  confidence: number;
  /** The primary native code this rule diagnoses, or null when the problem has no code. */
  code: string | null;
  /** Every native code the rule covers; a matching fact `code` in this list is reported as the diagnosis code. */
  codes: string[];
  when: Condition;
  cause: string;
  fix: string[];
  verify: Verification[];
  docs: string[];
  examples: { match: RuleExample[]; not: RuleExample[] };
  /** Where the rule came from, for error messages and `rules list`. */
  file: string;
  /** Names of the `rules/_snippets/` blocks its texts include (already expanded), for `rules lint`. */
  snippets?: string[];
  /** A content hash of the rule file (12 hex digits), set by the loader: feedback and stats are kept per version. */
  version?: string;
}

export function isLeaf(c: Condition): c is LeafCondition {
  return 'fact' in c;
}
