// Shared blocks in `_snippets/`: included by name, expanded at load (indent kept), refused with file:line:field when
// the name is unknown, and reported by `rules lint` when no rule uses one.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintRules } from '../../src/authoring/lint.js';
import { defaultRuleDirs, loadRuleFiles, type RuleLoadError } from '../../src/knowledge/load.js';
import { loadSnippets } from '../../src/knowledge/snippets.js';
import { runCli } from '../cli/run-cli.js';
import { tempRuleDirs } from './rule-dirs.js';

const rule = (fix: string, run = '"{{> ping}}"') => `id: other.custom-thing
title: Custom thing
category: other
severity: low
when: { fact: text, operator: matches, value: "frobnicator exploded" }
cause: The frobnicator exploded.
fix:
  - |
    Retry it:
${fix}
verify:
  - say: Run it again.
    run: ${run}
examples:
  match: ["the frobnicator exploded again"]
  not: ["all good"]
`;
const PING = 'description: one request\ntext: >-\n  curl -sS "{{baseUrl}}/models"\n';
const BUNDLED_RULES_DIR = defaultRuleDirs({})[0] as string;
const RETRY = 'description: a retry loop\ntext: |\n  ```python\n  for attempt in range(3):\n      call()\n  ```\n';

const temp = tempRuleDirs('bd-snippets-');
const { ruleDir } = temp;
const problemsOf = (dir: string) => temp.problemsOf(() => loadRuleFiles([dir]));

describe('rule snippets', () => {
  it('expands an include in a fix step and in a verify run; an indented include indents the whole block', () => {
    const dir = ruleDir({
      '_snippets/ping.yaml': PING,
      '_snippets/retry.yaml': RETRY,
      'other/custom-thing.yaml': rule('    {{> retry}}\n    1. In a list:\n       {{> retry}}'),
    });
    const [loaded] = loadRuleFiles([dir]);
    expect(loaded?.fix[0]).toBe(
      'Retry it:\n```python\nfor attempt in range(3):\n    call()\n```\n1. In a list:\n   ```python\n   for attempt in range(3):\n       call()\n   ```',
    );
    expect(loaded?.snippets).toEqual(['ping', 'retry']);
    expect(loaded?.verify[0]?.run).toBe('curl -sS "{{baseUrl}}/models"');
  });

  it('refuses an unknown snippet with file, the line of the include and the field', () => {
    const dir = ruleDir({
      '_snippets/ping.yaml': PING,
      'other/custom-thing.yaml': rule('    all good\n    {{> retyr}}'),
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /^other\/custom-thing\.yaml:11: fix\.0: includes unknown snippet "retyr" \(known: .*\bping\b/,
      ),
    ]);
  });

  it('refuses an unknown snippet in a verify run, and a snippet that includes another', () => {
    const dir = ruleDir({
      '_snippets/ping.yaml': PING,
      '_snippets/nested.yaml': 'description: x\ntext: "see {{> ping}}"\n',
      'other/custom-thing.yaml': rule('    ok', '"{{> pong}}"'),
    });
    expect(problemsOf(dir)).toEqual([
      '_snippets/nested.yaml:1: text: a snippet cannot include another snippet',
      expect.stringMatching(/^other\/custom-thing\.yaml:13: verify\.0\.run: includes unknown snippet "pong" \(known: /),
    ]);
  });

  it('a folder loaded on its own falls back to the bundled snippets, and its own definition wins there', () => {
    const alone = ruleDir({ 'other/custom-thing.yaml': rule('    {{> retry-python}}') });
    expect(loadRuleFiles([alone])[0]?.fix[0]).toContain('wait_random_exponential');
    const own = ruleDir({ '_snippets/ping.yaml': PING, 'other/custom-thing.yaml': rule('    ok') });
    expect(loadRuleFiles([own])[0]?.verify[0]?.run).toBe('curl -sS "{{baseUrl}}/models"');
  });

  it('a RULES_DIR folder may include the bundled snippets; redefining a bundled name is refused', () => {
    const own = ruleDir({ 'other/custom-thing.yaml': rule('    {{> retry-python}}') });
    const rules = loadRuleFiles([BUNDLED_RULES_DIR, own]);
    expect(rules.find((r) => r.id === 'other.custom-thing')?.fix[0]).toContain('wait_random_exponential');
    const clash = ruleDir({ '_snippets/ping.yaml': PING, 'other/custom-thing.yaml': rule('    ok') });
    let error: unknown;
    try {
      loadRuleFiles([BUNDLED_RULES_DIR, clash]);
    } catch (err) {
      error = err;
    }
    expect((error as RuleLoadError).problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^snippet "ping" is already defined in .*rules\/_snippets\/ping\.yaml/),
    ]);
  });

  it('lint names a snippet no rule includes; the bundled snippets are all used', () => {
    const dir = ruleDir({
      '_snippets/ping.yaml': PING,
      '_snippets/retry.yaml': RETRY,
      'other/custom-thing.yaml': rule('    ok'),
    });
    const problems = lintRules(loadRuleFiles([dir]), loadSnippets([dir], parse).snippets);
    expect(problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([
      'snippet retry: no rule includes it ({{> name}}); delete it',
    ]);
    const bundled = loadRuleFiles([BUNDLED_RULES_DIR]);
    const snippets = loadSnippets([BUNDLED_RULES_DIR], parse).snippets;
    expect(snippets.size).toBeGreaterThanOrEqual(5);
    expect(lintRules(bundled, snippets)).toEqual([]);
  });

  it('`rules lint` exits non-zero and prints file:line: field for an unknown snippet', () => {
    const dir = ruleDir({ 'other/custom-thing.yaml': rule('    {{> no-such-block}}') });
    const run = runCli(['rules', 'lint'], undefined, { RULES_DIR: dir });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/custom-thing\.yaml:10: fix\.0: includes unknown snippet "no-such-block"/);
  });
});
