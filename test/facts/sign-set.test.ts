// The joined sign lists must answer exactly what testing each sign in turn answers: on every corpus text, every
// rule example and the same texts upper-cased (case-sensitive and -insensitive signs are joined separately).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../src/authoring/corpus-score.js';
import { loadRules } from '../../src/engine/rule-set.js';
import {
  FOREIGN,
  FOREIGN_NAMES,
  FOREIGN_WEAK,
  MODEL_STUDIO_STRONG,
  MODEL_STUDIO_WEAK,
  type Sign,
} from '../../src/facts/provider-signs.js';
import { SignSet } from '../../src/facts/sign-set.js';

const corpusDir = join(import.meta.dirname, '../corpus');
const base = [
  ...readdirSync(corpusDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readJsonl(join(corpusDir, f)).map((i) => i.text)),
  ...loadRules().rules.flatMap((r) => [...r.examples.match, ...r.examples.not].map((e) => e.text)),
];
const texts = [...base, ...base.map((t) => t.toUpperCase()), ''];

const LISTS: Record<string, readonly Sign[]> = {
  MODEL_STUDIO_STRONG,
  MODEL_STUDIO_WEAK,
  FOREIGN,
  FOREIGN_WEAK,
  FOREIGN_NAMES,
  all: [...MODEL_STUDIO_STRONG, ...MODEL_STUDIO_WEAK, ...FOREIGN, ...FOREIGN_WEAK, ...FOREIGN_NAMES],
};

describe('SignSet', () => {
  it.each(Object.entries(LISTS))('%s: first() is find() and any() is some() on every text', (_name, signs) => {
    const set = new SignSet(signs);
    let hits = 0;
    for (const text of texts) {
      const expected = signs.find(([, re]) => re.test(text));
      expect(set.first(text)?.[0], text.slice(0, 80)).toBe(expected?.[0]);
      expect(set.any(text)).toBe(expected !== undefined);
      if (expected) hits++;
    }
    expect(hits).toBeGreaterThan(0);
  });

  it('keeps list order, not text order, and the flags of each sign', () => {
    const set = new SignSet([
      ['late', /zeta/],
      ['early', /alpha/i],
    ]);
    expect(set.first('alpha then zeta')?.[0]).toBe('late');
    expect(set.first('ALPHA')?.[0]).toBe('early');
    expect(set.first('ZETA')).toBeUndefined();
  });

  it('refuses a global or sticky regex (its lastIndex would leak between texts)', () => {
    expect(() => new SignSet([['g', /x/g]])).toThrow(/global or sticky/);
    expect(() => new SignSet([['y', /x/y]])).toThrow(/global or sticky/);
  });
});
