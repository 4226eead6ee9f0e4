// A huge diagnosis must still fit every Discord limit, keep code blocks whole, and lose no fix step.
import { describe, expect, it } from 'vitest';
import { embedLength, renderDiscordMessages } from '../../src/render/discord/index.js';
import { DISCORD_LIMITS as L } from '../../src/render/discord/limits.js';
import type { DiagnoseResult, Diagnosis } from '../../src/types.js';
import { VERSION } from '../../src/version.js';

const FENCE = '```';

function hugeDiagnosis(): Diagnosis {
  const code = Array.from(
    { length: 120 },
    (_, n) => `    client.chat.completions.create(model="qwen-plus", n=${n})`,
  ).join('\n');
  return {
    id: 'test.huge',
    category: 'other',
    code: 'HugeError',
    title: `A very long title ${'x'.repeat(400)}`,
    severity: 'critical',
    confidence: 0.9,
    cause: `Cause ${'lorem ipsum '.repeat(900)}`,
    fix: Array.from({ length: 30 }, (_, n) => `Step marker-${n + 1}: do this\n${FENCE}python\n${code}\n${FENCE}`),
    verify: Array.from({ length: 40 }, (_, n) => ({
      say: `Check ${n}: ${'say '.repeat(80)}`,
      run: `curl -sS "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/models" ${'-H "X: y" '.repeat(200)}`,
    })),
    evidence: Array.from({ length: 300 }, (_, n) => `fact${n} = some long evidence value`),
    docs: ['https://www.alibabacloud.com/help/en/model-studio/error-code'],
  };
}

function result(d: Diagnosis): DiagnoseResult {
  return { matched: true, facts: { text: '' }, diagnoses: [d], secretsFound: false };
}

const fences = (s: string) => s.split('\n').filter((l) => l.trimStart().startsWith(FENCE)).length;

describe('discord renderer limits', () => {
  const messages = renderDiscordMessages(result(hugeDiagnosis()));

  it('splits into several messages, each within every limit', () => {
    expect(messages.length).toBeGreaterThan(1);
    for (const embeds of messages) {
      expect(embeds.length).toBeLessThanOrEqual(L.embeds);
      expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(L.messageEmbedChars);
      for (const e of embeds) {
        expect(e.title?.length ?? 0).toBeLessThanOrEqual(L.title);
        expect(e.description?.length ?? 0).toBeLessThanOrEqual(L.description);
        expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(L.footer);
        expect(e.fields?.length ?? 0).toBeLessThanOrEqual(L.fields);
        for (const f of e.fields ?? []) {
          expect(f.name.length).toBeLessThanOrEqual(L.fieldName);
          expect(f.value.length).toBeLessThanOrEqual(L.fieldValue);
          expect(fences(f.value) % 2).toBe(0);
        }
        expect(fences(e.description ?? '') % 2).toBe(0);
      }
    }
  });

  it('keeps every fix step, every verification and the footer', () => {
    const all = messages.flat();
    const text = all
      .map((e) => `${e.description ?? ''}\n${(e.fields ?? []).map((f) => f.value).join('\n')}`)
      .join('\n');
    for (let n = 1; n <= 30; n++) expect(text).toContain(`${n}. Step marker-${n}:`);
    for (let n = 0; n < 40; n++) expect(text).toContain(`Check ${n}:`);
    expect(all.at(-1)!.footer?.text).toMatch(/^rule test\.huge · /);
    expect(all[0]!.title!.endsWith('…')).toBe(true);
  });

  it('a normal diagnosis is one message with one embed', () => {
    const d = {
      ...hugeDiagnosis(),
      title: 'Short',
      cause: 'Because.',
      fix: ['Do it.'],
      verify: [],
      evidence: ['code = X'],
    };
    const [only, ...rest] = renderDiscordMessages(result(d));
    expect(rest).toHaveLength(0);
    expect(only).toHaveLength(1);
    expect(only![0]).toMatchObject({
      title: 'Short [HugeError]',
      color: 0xe74c3c,
      footer: { text: expect.stringContaining('code = X') },
    });
    // The release that answered, so a report of a wrong answer names it.
    expect(only![0]!.footer?.text).toContain(` · bailian-doctor ${VERSION}`);
  });

  it('starts a new embed at a section rather than splitting one that fits whole', () => {
    const d = { ...hugeDiagnosis(), cause: 'c'.repeat(3000), fix: ['f'.repeat(2000)], verify: [], evidence: [] };
    const [embeds] = renderDiscordMessages(result(d));
    expect(embeds!.map((e) => e.description?.slice(0, 9))).toEqual(['**Cause**', '**Fix**\n1']);
    expect(embeds![1]!.description).toContain('**Docs**');
  });
});

describe('What I read (discord)', () => {
  it('opens the first diagnosis footer with the facts the answer rests on, within the limits', () => {
    const d = { ...hugeDiagnosis(), title: 'Invalid key' };
    const facts = { status: 401, code: 'InvalidApiKey', host: 'dashscope-intl.aliyuncs.com', region: 'intl' };
    const footer = renderDiscordMessages({ ...result(d), facts })
      .flat()
      .at(-1)!.footer!.text;
    expect(footer).toMatch(
      /^🔍 What I read: status 401 · code InvalidApiKey · host dashscope-intl\.aliyuncs\.com → International/,
    );
    expect(footer).toContain('rule test.huge');
    expect(footer.length).toBeLessThanOrEqual(L.footer);
    for (const m of renderDiscordMessages({ ...result(d), facts }))
      expect(m.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(L.messageEmbedChars);
  });

  it('shows on a no-match answer too, and is absent when nothing was read', () => {
    const none: DiagnoseResult = { matched: false, facts: { status: 418 }, diagnoses: [], secretsFound: false };
    expect(renderDiscordMessages(none)[0]![0]!.footer?.text).toBe('🔍 What I read: status 418');
    expect(renderDiscordMessages({ ...none, facts: {} })[0]![0]!.footer).toBeUndefined();
  });
});
