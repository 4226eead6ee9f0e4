// `npm run docs:facts`: rewrite the fact table of rules/README.md from src/facts/catalog.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_RULES_DIR } from '../knowledge/load.js';
import { withFactTable } from './fact-table.js';

const file = join(BUNDLED_RULES_DIR, 'README.md');
writeFileSync(file, withFactTable(readFileSync(file, 'utf8')));
process.stdout.write(`rewrote the fact table in ${file}\n`);
