// The examples checker reads the answer too: an example's `expect` must hold, and no rendered diagnosis may show
// "(unknown)", "((", an unfilled {{…}} or a fallback the facts contradict.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerProblems } from '../../src/authoring/answer-checks.js';
import { checkExamples } from '../../src/authoring/check-examples.js';
import { loadRules } from '../../src/engine/rule-set.js';
import { RuleLoadError } from '../../src/knowledge/load.js';
import type { Diagnosis } from '../../src/types.js';

const rule = (cause: string, examples: string) => `id: other.custom-thing
title: Custom thing
category: other
severity: low
when: { fact: text, operator: matches, value: "frobnicator exploded" }
cause: ${JSON.stringify(cause)}
fix: ["Replace the frobnicator (see \`f((x))\` in code, which is fine)."]
verify: [{ say: Run it again., run: "echo $((1 + 1))" }]
examples:
${examples}
  not: ["all good"]
`;

let dirs: string[] = [];
function rulesFrom(body: string) {
  const dir = mkdtempSync(join(tmpdir(), 'bd-answers-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'other', 'custom-thing.yaml'), body);
  return loadRules([dir], { cacheDir: null });
}
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

async function problems(cause: string, examples: string): Promise<(string | undefined)[]> {
  const outcomes = await checkExamples(rulesFrom(rule(cause, examples)));
  return outcomes.map((o) => o.problem);
}

describe('examples check the answer', () => {
  it('a clean answer whose `expect` holds passes; code may hold (( and a run may hold $((', async () => {
    const examples = `  match:
    - text: "the frobnicator exploded at https://dashscope-intl.aliyuncs.com/compatible-mode/v1"
      expect: { contains: ["dashscope-intl.aliyuncs.com", "Singapore"], notContains: ["Beijing"] }`;
    expect(await problems('It blew up in {{regionName}} at {{baseUrl}}.', examples)).toEqual([undefined, undefined]);
  });

  it('fails an unmet contains / notContains, naming the text', async () => {
    const examples = `  match:
    - text: "the frobnicator exploded"
      expect: { contains: ["Hong Kong"], notContains: ["blew"] }`;
    expect(await problems('It blew up.', examples)).toEqual([
      'answer lacks "Hong Kong"; answer must not say "blew"',
      undefined,
    ]);
  });

  it('fails "(unknown)" from a placeholder without a fact, and "((" from a fallback inside parentheses', async () => {
    const [match] = await problems(
      'It blew up (code {{code}}) at the base URL ({{givenBaseUrl}}x).',
      '  match: ["the frobnicator exploded"]',
    );
    expect(match).toBe('cause shows "(unknown)": a placeholder found no fact');
    const [paren] = await problems('See ((the docs)).', '  match: ["the frobnicator exploded"]');
    expect(paren).toBe('cause shows "((": a fallback inside the rule\'s own parentheses');
  });

  it('plain-string examples stay valid, and `expect` is refused on a not example or with an unknown key', () => {
    expect(() => rulesFrom(rule('x', '  match: ["the frobnicator exploded"]'))).not.toThrow();
    let error: unknown;
    try {
      rulesFrom(
        rule('x', '  match:\n    - { text: "the frobnicator exploded", expect: { contain: ["x"] } }').replace(
          '  not: ["all good"]',
          '  not: [{ text: "all good", expect: { contains: ["x"] } }]',
        ),
      );
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RuleLoadError);
    expect((error as RuleLoadError).problems.map((p) => `${p.line}: ${p.field}: ${p.message}`)).toEqual([
      '11: examples.match.0.expect.contain: unknown field; use contains or notContains',
      '12: examples.not.0.expect: only a match example has an answer to check',
    ]);
  });
});

describe('answerProblems', () => {
  const d = (cause: string, fix: string[] = ['ok']): Diagnosis => ({
    id: 'x.y',
    category: 'other',
    code: null,
    title: 'T',
    severity: 'low',
    confidence: 0.8,
    cause,
    fix,
    verify: [{ say: 'run', run: 'echo {{> ping}}' }],
    evidence: [],
    docs: [],
  });

  it('names an unfilled include or placeholder, in any field', () => {
    expect(answerProblems(d('fine'), { text: '' })).toEqual(['verify[0].run shows {{> ping}} unfilled']);
  });

  it('names a fallback the facts contradict, and only then', () => {
    const said = d('Model Studio answered 400, but the paste does not show the error body.');
    expect(answerProblems(said, { text: '', message: 'Range of input length should be [1, 30720]' })).toEqual([
      'cause says "does not show the error body", but the paste has the message "Range of input length should be [1, 30720]"',
      'verify[0].run shows {{> ping}} unfilled',
    ]);
    expect(answerProblems(said, { text: '' })).toEqual(['verify[0].run shows {{> ping}} unfilled']);
  });

  it('ignores (( inside code', () => {
    expect(answerProblems(d('fine', ['```ts\nnew Promise((r) => r())\n```']), { text: '' })).toHaveLength(1);
  });
});
