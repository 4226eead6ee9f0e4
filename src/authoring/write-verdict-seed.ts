// `npm run rules:verdicts`: recompute rules/.regex-verdicts.json from the bundled rules' patterns.
import { BUNDLED_RULES_DIR, loadRuleFiles } from '../knowledge/load.js';
import { writeVerdictSeed } from '../knowledge/regex-safety.js';
import { rulePatterns } from '../knowledge/rule-patterns.js';

const rules = loadRuleFiles([BUNDLED_RULES_DIR]);
const count = writeVerdictSeed(rules.flatMap((r) => rulePatterns(r.when)));
process.stdout.write(`wrote ${count} verdicts for ${rules.length} rules\n`);
