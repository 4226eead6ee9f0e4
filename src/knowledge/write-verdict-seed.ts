// `npm run rules:verdicts`: recompute rules/.regex-verdicts.json from the bundled rules' patterns.
import { BUNDLED_RULES_DIR, loadRuleFiles } from './load.js';
import { writeVerdictSeed } from './regex-safety.js';
import { rulePatterns } from './rule-patterns.js';

const rules = loadRuleFiles([BUNDLED_RULES_DIR]);
const count = writeVerdictSeed(rules.flatMap((r) => rulePatterns(r.when)));
process.stdout.write(`wrote ${count} verdicts for ${rules.length} rules\n`);
