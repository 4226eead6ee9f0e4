// Keeps the rule author's guide honest: the fact table is the catalogue's, and every operator is documented.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_TABLE_BEGIN, FACT_TABLE_END, factTable } from '../../src/authoring/fact-table.js';
import { FACT_NAMES } from '../../src/facts/index.js';
import { OPERATOR_NAMES } from '../../src/knowledge/operators.js';

const guide = readFileSync(join(import.meta.dirname, '..', '..', 'rules', 'README.md'), 'utf8');

describe('rules/README.md', () => {
  it.each([...FACT_NAMES])('documents the fact %s', (fact) => {
    expect(guide).toContain(`\`${fact}\``);
  });
  it('holds the fact table generated from src/facts/catalog.ts (run `npm run docs:facts` after editing it)', () => {
    const begin = guide.indexOf(FACT_TABLE_BEGIN);
    const end = guide.indexOf(FACT_TABLE_END);
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(guide.slice(begin, end + FACT_TABLE_END.length)).toBe(factTable());
  });
  it.each(OPERATOR_NAMES)('documents the operator %s', (op) => {
    expect(guide).toMatch(new RegExp(`\`${op}(\\(Inclusive\\))?\``));
  });
});
