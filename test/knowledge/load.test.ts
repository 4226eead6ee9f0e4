// A broken rule file is refused with file:line: field: message, and nothing from a broken set is served.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { loadRules } from '../../src/engine/rule-set.js';
import { RuleLoadError } from '../../src/knowledge/load.js';

const GOOD = `id: other.custom-thing
title: Custom thing
category: other
severity: low
when: { fact: text, operator: matches, value: "frobnicator exploded" }
cause: The frobnicator exploded.
fix: [Replace the frobnicator.]
verify: [{ say: Run it again., run: "echo ok" }]
examples:
  match: ["the frobnicator exploded again"]
  not: ["all good"]
`;

let dirs: string[] = [];
function ruleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bd-rules-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function problemsOf(dir: string): string[] {
  try {
    loadRules([dir]);
  } catch (err) {
    expect(err).toBeInstanceOf(RuleLoadError);
    return (err as RuleLoadError).problems.map(
      (p) => `${p.file.split('/').slice(-2).join('/')}:${p.line}: ${p.field}: ${p.message}`,
    );
  }
  return [];
}

describe('rule loading', () => {
  it('loads a valid folder and diagnoses with it', async () => {
    const rules = loadRules([ruleDir({ 'other/custom-thing.yaml': GOOD })]);
    const result = await diagnose('oh no, the frobnicator exploded', { rules });
    expect(result.diagnoses[0]?.id).toBe('other.custom-thing');
  });

  it('names file, line and field of a bad operator', () => {
    const bad = GOOD.replace('operator: matches', 'operator: resembles');
    const problems = problemsOf(ruleDir({ 'other/custom-thing.yaml': bad }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^other\/custom-thing\.yaml:5: when\.operator: unknown operator "resembles"/);
  });

  it('names the line of a missing field and of a wrong type', () => {
    const bad = GOOD.replace('severity: low\n', '').replace('fix: [Replace the frobnicator.]', 'fix: 3');
    const problems = problemsOf(ruleDir({ 'other/custom-thing.yaml': bad }));
    expect(problems).toContainEqual(expect.stringMatching(/custom-thing\.yaml:\d+: severity: must be one of/));
    expect(problems).toContainEqual(expect.stringMatching(/custom-thing\.yaml:6: fix: must be a non-empty list/));
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf(ruleDir({ 'other/custom-thing.yaml': `${GOOD}\nbroken: [unclosed\n` }));
    expect(problems[0]).toMatch(/custom-thing\.yaml:1[2-4]: \(yaml\)/);
  });

  it('refuses regexes that do not compile', () => {
    const problems = problemsOf(
      ruleDir({ 'other/custom-thing.yaml': GOOD.replace('frobnicator exploded', '(unclosed') }),
    );
    expect(problems[0]).toMatch(/:5: when\.value: regex does not compile/);
  });

  it('refuses an id that does not match the path, and a category that does not match the folder', () => {
    const problems = problemsOf(ruleDir({ 'auth/custom-thing.yaml': GOOD }));
    expect(problems).toContainEqual(expect.stringMatching(/:1: id: must be "auth\.custom-thing"/));
  });

  it('refuses the whole set when one file is broken', () => {
    const dir = ruleDir({
      'other/custom-thing.yaml': GOOD,
      'other/broken.yaml': GOOD.replace('other.custom-thing', 'other.broken').replace('title: Custom thing\n', ''),
    });
    expect(() => loadRules([dir])).toThrow(RuleLoadError);
  });

  it('refuses duplicate ids across folders', () => {
    const a = ruleDir({ 'other/custom-thing.yaml': GOOD });
    const b = ruleDir({ 'other/custom-thing.yaml': GOOD });
    expect(() => loadRules([a, b])).toThrow(/duplicate id other\.custom-thing/);
  });

  it('refuses a literal key in a verification command', () => {
    const key = `sk-${'a1'.repeat(12)}`;
    const problems = problemsOf(
      ruleDir({ 'other/custom-thing.yaml': GOOD.replace('echo ok', `curl -H 'Authorization: Bearer ${key}'`) }),
    );
    expect(problems.join('\n')).toMatch(/verify\.0\.run: must not hold a literal key/);
  });
});
