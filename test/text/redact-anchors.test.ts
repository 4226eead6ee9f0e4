// Redaction runs a pattern only when the text holds one of its anchors (src/text/secret-patterns.ts). The anchors
// are exactly what the literal derivation gives, and a secret whose own prefix or label is the only anchor in the
// text is still redacted — raw, behind every escape, and with its label in another case.
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/scan/regex-literals.js';
import { decodedText, decodedView } from '../../src/text/decoded-view.js';
import { redact } from '../../src/text/redact.js';
import { anchorsIn, mayMatch } from '../../src/text/secret-anchors.js';
import { PATTERNS } from '../../src/text/secret-patterns.js';
import { ESCAPES, knownShapes, leaks, splitInvisibly } from '../adversarial/escaped-secrets.js';

describe('redaction anchors', () => {
  it.each(PATTERNS.map((p, i) => [`${p.kind} #${i}`, p] as const))('%s: anchors are its derived literals', (_, p) => {
    expect(p.anchors ? [...p.anchors] : undefined).toEqual(requiredLiterals(p.pattern.source));
    for (const a of p.anchors ?? []) expect(a).toBe(a.toLowerCase());
  });

  it('redacts every known shape when its own prefix or label is the only anchor, behind every escape', () => {
    const leaked: string[] = [];
    let planted = 0;
    for (const seed of [1, 2, 3])
      for (const shape of knownShapes(seed))
        for (const [context, wrap] of Object.entries(ESCAPES)) {
          planted++;
          const { text, findings } = redact(wrap(shape.line));
          if (leaks(text, shape.value) || findings.length === 0) leaked.push(`${shape.kind} / ${context}`);
        }
    expect(leaked).toEqual([]);
    expect(planted).toBeGreaterThan(1000);
  });

  it.each([
    ['bearer', (v: string) => `AUTHORIZATION: BEARER ${v}`],
    ['api key label', (v: string) => `"API_KEY": "${v}"`],
    ['access key secret label', (v: string) => `Access_Key_Secret=${v.slice(0, 30)}`],
    ['password label', (v: string) => `PASSWORD=pw${v.slice(0, 14)}`],
  ])('redacts a secret whose only anchor is its label in another case (%s)', (_, line) => {
    const value = 'Q7w2E9r4T6y1U3i5O8p0A2s4D6f8G0h2J4k6L8z0';
    const { text, findings } = redact(line(value));
    expect(findings.length).toBeGreaterThan(0);
    expect(leaks(text, value.slice(0, 14), 10)).toBe(false);
  });

  it('the id-then-secret pair: the secret anchors on the redacted id an earlier pattern wrote', () => {
    const id = `LTAI${'5tQx9Wm2Kp7Rv3Nz'}`;
    const secret = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5';
    const { text } = redact(`${id} ${secret}`);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(id);
  });

  it('leaves a text holding no anchor exactly as it was, with or without escapes', () => {
    for (const t of ['model qwen-plus timed out after 30s', 'line one\\nline two: 50% done', 'tab\\there']) {
      expect(redact(t)).toEqual({ text: t, findings: [] });
    }
  });

  it("decodedText() is the view's text, for every shape behind every escape and split by invisible characters", () => {
    const texts = knownShapes(1).flatMap((shape) => [
      ...Object.values(ESCAPES).map((wrap) => wrap(shape.line)),
      splitInvisibly(shape, 3, '\u200b'),
      splitInvisibly(shape, 5, '\u00ad'),
      `%25${splitInvisibly(shape, 2, '\u200b')}\\u200b%E2%80%8B\\x41%4`,
    ]);
    expect(texts.length).toBeGreaterThan(400);
    for (const t of texts) expect(decodedText(t)).toBe(decodedView(t).text);
  });

  it('anchorsIn() finds an anchor wherever one is, overlapping or nested (what a lower-cased search finds)', () => {
    const texts = [
      ...knownShapes(2).map((s) => s.line),
      'TESTS.sts.x',
      'sk-sp-sk-PASSWORDpasswd',
      'LTAI[REDACTED] ltai',
      'x://api_token=access-secret-client-session',
      '',
    ];
    for (const text of texts) {
      const seen = anchorsIn(text);
      const lower = text.toLowerCase();
      for (const [i, p] of PATTERNS.entries())
        expect(mayMatch(i, seen), `${p.kind} in ${text}`).toBe(!p.anchors || p.anchors.some((a) => lower.includes(a)));
    }
  });
});
