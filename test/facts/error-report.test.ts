// A plain question or chat line gets no diagnosis; a failure report, however short, does.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';

describe('plain questions and chat lines', () => {
  it.each([
    'does qwen-plus support function calling? thinking about switching from gpt-4o',
    'Is qwen3-max better than gpt-4o for code review?',
    '百炼的 qwen-plus 和 DashScope 是一个东西吗？',
    'thinking about moving our bot from gemini-2.5-flash to qwen-flash next sprint',
  ])('%s: no diagnosis at all', async (text) => {
    const r = await diagnose(text);
    expect(r.facts.plainChat).toBe(true);
    expect(r.matched).toBe(false);
    expect(r.diagnoses).toEqual([]);
  });

  it.each([
    ['a status', 'qwen-plus keeps giving me 429 Too Many Requests, why?'],
    ['a failure word', '百炼 qwen-plus 调用失败是什么原因？'],
    ['a provider message', 'why do I see "Range of input length should be [1, 30720]" with qwen-plus?'],
    ['a code-like token', 'how do I get past ACME-GW-4291 on the gateway?'],
    ['neither a question nor about models', 'upstream said quota reached for team blue'],
  ])('%s makes it a failure report', async (_name, text) => {
    const r = await diagnose(text);
    expect(r.facts.plainChat).toBeUndefined();
  });

  it.each([
    'qwen-plus keeps giving me 429 Too Many Requests, why?',
    'why do I see "Range of input length should be [1, 30720]" with qwen-plus?',
  ])('%s: diagnosed', async (text) => {
    expect((await diagnose(text)).matched).toBe(true);
  });

  it('a status given by the caller is a failure report whatever the text says', async () => {
    const r = await diagnose({
      text: 'what is this?',
      facts: { status: 429, baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1' },
    });
    expect(r.facts.plainChat).toBeUndefined();
    expect(r.diagnoses[0]?.category).toBe('rate_limit');
  });
});
