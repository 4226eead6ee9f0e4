// Public library API: `import { diagnose, loadRules } from 'bailian-doctor'`.
export { type DiagnoseOptions, defaultRuleSet, diagnose } from './diagnose/diagnose.js';
export { createRuleSet, loadRules, type RuleSet } from './engine/rule-set.js';
export { extractFacts, FACT_NAMES } from './facts/index.js';
export { RuleLoadError, type RuleProblem } from './knowledge/load.js';
export type { Condition, Rule, RuleExample } from './knowledge/rule.js';
export { redact } from './text/redact.js';
export * from './types.js';
