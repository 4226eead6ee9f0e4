// The bounded slice of the mutation check that runs in CI (the whole check is `npm run mutation`): one redaction
// step and one auth-hook check, each deleted, must make the suite fail; and every mutant still applies.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMutants } from './mutants.js';
import { runMutants } from './run-mutants.js';

const root = resolve(import.meta.dirname, '../..');

describe('mutation check (slice)', () => {
  it('every mutant still applies: its text is found exactly once', async () => {
    const { readFileSync } = await import('node:fs');
    const mutants = allMutants(root);
    expect(mutants.length).toBeGreaterThan(35);
    for (const m of mutants)
      expect(readFileSync(resolve(root, m.file), 'utf8').split(m.find).length - 1, m.name).toBe(1);
  });

  it('kills the slice', () => {
    const names = ['redaction pattern github-token deleted', 'auth: the /v1 scope hook does not check the token'];
    const slice = allMutants(root)
      .filter((m) => names.includes(m.name))
      .map((m) => ({ ...m, tests: m.tests.slice(0, 1) }));
    expect(slice).toHaveLength(2);
    const outcomes = runMutants(root, slice);
    expect(outcomes.filter((o) => !o.killed).map((o) => o.name)).toEqual([]);
  }, 300_000);
});
