// Rule answers never carry a key or the paste: a verify step with a literal key of any DashScope shape (or any
// shape redaction knows) is refused, and so is a {{placeholder}} that names neither a fact nor a template variable.
import { describe, expect, it } from 'vitest';
import { validateRule } from '../../src/knowledge/validate.js';
import { knownShapes } from '../adversarial/escaped-secrets.js';

const rule = (over: Record<string, unknown>) => ({
  id: 'other.answers',
  title: 'A rule',
  category: 'other',
  severity: 'low',
  cause: 'Because.',
  when: { fact: 'code', operator: 'equal', value: 'X' },
  fix: ['Do it.'],
  verify: [{ say: 'Check.', run: 'true' }],
  examples: { match: ['X'], not: ['Y'] },
  ...over,
});

const messages = (doc: unknown) =>
  validateRule(doc, 'answers.yaml').problems.map((p) => `${p.path.join('.')}: ${p.message}`);

describe('verify steps', () => {
  const body = 'A1b2C3d4E5f6G7h8J9k0';
  it.each([`sk-${body}`, `sk-sp-${body}`, `sk-proj-${body}`, `sk-ant-${body}`])('refuses the literal %s', (key) => {
    expect(messages(rule({ verify: [{ say: 'Check.', run: `curl -H "Authorization: Bearer ${key}" x` }] }))).toEqual([
      'verify.0.run: must not hold a literal key; use $DASHSCOPE_API_KEY',
    ]);
  });

  it('refuses every known credential shape, in run and in say', () => {
    for (const shape of knownShapes(41)) {
      expect(messages(rule({ verify: [{ say: 'Check.', run: shape.line }] })), shape.kind).toHaveLength(1);
      expect(messages(rule({ verify: [{ say: shape.line, run: 'true' }] })), shape.kind).toHaveLength(1);
    }
  });

  it('accepts $DASHSCOPE_API_KEY and placeholders such as sk-sp-…', () => {
    expect(
      messages(rule({ verify: [{ say: 'A Coding Plan key starts `sk-sp-…`.', run: 'echo "$DASHSCOPE_API_KEY"' }] })),
    ).toEqual([]);
  });
});

describe('placeholders', () => {
  it('refuses an unknown {{placeholder}} in any answer text, naming the field', () => {
    expect(messages(rule({ cause: 'Look at {{nope}}.' }))).toEqual([
      expect.stringMatching(/^cause: unknown placeholder \{\{nope\}\}/),
    ]);
    expect(messages(rule({ fix: ['ok', 'Use {{ bogus }}.'] }))).toEqual([
      expect.stringMatching(/^fix\.1: unknown placeholder/),
    ]);
    expect(messages(rule({ verify: [{ say: '{{x}}', run: 'true' }] }))).toEqual([
      expect.stringMatching(/^verify\.0\.say: unknown placeholder/),
    ]);
  });

  it('refuses {{text}}: it would put the paste into the answer', () => {
    expect(messages(rule({ cause: 'You sent {{text}}.' }))).toEqual([
      expect.stringMatching(/\{\{text\}\} would put the pasted text/),
    ]);
  });

  it('accepts facts and template variables', () => {
    expect(messages(rule({ cause: 'Model {{model}} at {{baseUrl}} in {{regionName}}, status {{status}}.' }))).toEqual(
      [],
    );
  });
});
