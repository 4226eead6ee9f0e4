// Keeps the rule author's guide honest: every fact an extractor produces and every operator is documented.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_NAMES } from '../../src/facts/index.js';
import { OPERATOR_NAMES } from '../../src/knowledge/operators.js';

const guide = readFileSync(join(import.meta.dirname, '..', '..', 'rules', 'README.md'), 'utf8');

describe('rules/README.md', () => {
  it.each([...FACT_NAMES])('documents the fact %s', (fact) => {
    expect(guide).toContain(`\`${fact}\``);
  });
  it.each(OPERATOR_NAMES)('documents the operator %s', (op) => {
    expect(guide).toMatch(new RegExp(`\`${op}(\\(Inclusive\\))?\``));
  });
});
