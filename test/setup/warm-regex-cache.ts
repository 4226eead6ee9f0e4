// Runs once before any test worker starts: loading the bundled rules fills the regex-safety verdict cache
// (node_modules/.cache/bailian-doctor), so workers that load rules in parallel read verdicts instead of each
// running recheck cold (seconds per pattern on a fresh checkout).
import { defaultRuleDirs, loadRuleFiles } from '../../src/knowledge/load.js';

export default function warmRegexCache(): void {
  try {
    loadRuleFiles(defaultRuleDirs({}));
  } catch {
    // A broken rule set is reported by the tests that load it; warming is an optimisation only.
  }
}
