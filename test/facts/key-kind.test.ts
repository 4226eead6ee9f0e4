// Key kind from the prefix only — real keys via redaction findings, masked or placeholder keys from the text.
import { describe, expect, it } from 'vitest';
import { extractKeyKind } from '../../src/facts/key-kind.js';
import { redact } from '../../src/text/redact.js';

// Fake keys are built at runtime so nothing in the repository looks like a secret.
const standardKey = `sk-${'a1'.repeat(16)}`;
const codingKey = `sk-sp-${'b2'.repeat(16)}`;

function kindOf(raw: string): string | undefined {
  const { text, findings } = redact(raw);
  return extractKeyKind(text, findings);
}

describe('extractKeyKind', () => {
  it.each([
    [`Authorization: Bearer ${codingKey}`, 'coding-plan'],
    [`api_key="${standardKey}"`, 'standard'],
    ['with key sk-sp-**** -> 401', 'coding-plan'],
    ['my key sk-sp-xxx does not work', 'coding-plan'],
    ['my sk-sp- key fails on dashscope.aliyuncs.com', 'coding-plan'],
    ['用 sk-sp-开头的key 调用报 403', 'coding-plan'],
    ["-H 'Authorization: Bearer sk-****'", 'standard'],
    ['sk-xxx', 'standard'],
    ['key sk-[REDACTED] refused', 'standard'],
    ['401 invalid access token or token expired', undefined],
    ['risk-assessment and task-sk-list are not keys', undefined],
  ])('%s -> %s', (text, expected) => {
    expect(kindOf(text)).toBe(expected);
  });

  it('a Coding Plan key wins when both kinds appear', () => {
    expect(kindOf(`old ${standardKey} new ${codingKey}`)).toBe('coding-plan');
  });

  it('never returns the key itself', () => {
    expect(kindOf(`Bearer ${codingKey}`)).not.toContain(codingKey.slice(6));
  });
});
