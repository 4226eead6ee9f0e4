// The fact catalogue is the one vocabulary: what the extractors produce stays inside it, and every place a
// person names a fact (the CLI's --fact, rule lint, the Facts type) refuses what is outside it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../src/authoring/corpus-score.js';
import { lintRules } from '../../src/authoring/lint.js';
import { parseFactArgs } from '../../src/cli/facts-arg.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { FACT_CATALOG, FACT_NAMES, type FactSpec, factValues } from '../../src/facts/catalog.js';
import type { Rule } from '../../src/knowledge/rule.js';
import type { Facts } from '../../src/types.js';

const corpus = join(import.meta.dirname, '..', 'corpus');
const texts = readdirSync(corpus)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readJsonl(join(corpus, f)).map((r) => (r as { text: string }).text));
const vocabularies = Object.entries(FACT_CATALOG).filter(([, spec]) => (spec as FactSpec).values);

describe('fact catalogue', () => {
  it('names every fact once, each with a type and a line of documentation', () => {
    expect(new Set(FACT_NAMES).size).toBe(FACT_NAMES.length);
    for (const spec of Object.values(FACT_CATALOG) as FactSpec[]) expect(spec.doc.length).toBeGreaterThan(10);
  });

  it('declares the vocabularies of keyKind, region and plan', () => {
    expect(factValues('keyKind')).toEqual(['standard', 'coding-plan']);
    expect(factValues('region')).toContain('intl');
    expect(factValues('plan')).toContain('coding');
  });

  it(`extractors stay inside every vocabulary over the corpus (${texts.length} texts)`, async () => {
    const strays: string[] = [];
    for (const text of texts) {
      const { facts } = await diagnose(text);
      for (const [name, spec] of vocabularies) {
        const value = (facts as Record<string, unknown>)[name];
        if (value !== undefined && !(spec as FactSpec).values!.includes(String(value))) strays.push(`${name}=${value}`);
      }
    }
    expect([...new Set(strays)]).toEqual([]);
  });

  it('a misspelt fact name does not compile', () => {
    // @ts-expect-error keyRegon is not a fact
    const facts: Facts = { text: '', keyRegon: 'intl' };
    expect(facts.text).toBe('');
  });
});

describe('--fact parsing', () => {
  it('types values from the catalogue', () => {
    expect(parseFactArgs(['status=401', 'models=qwen-plus, qwen-max', 'truncated=true', 'region=intl'])).toEqual({
      status: 401,
      models: ['qwen-plus', 'qwen-max'],
      truncated: true,
      region: 'intl',
    });
  });

  it.each([
    ['region=singapore', /--fact region must be one of cn, intl, us, cn-hongkong, cn-finance, jp, eu, unknown$/],
    ['keyKind=sk-sp', /--fact keyKind must be one of standard, coding-plan/],
    ['plan=pro', /--fact plan must be one of/],
    ['status=401x', /--fact status must be a whole number/],
    ['truncated=yes', /--fact truncated must be true or false/],
    ['colour=red', /--fact number 1 names an unknown fact; known facts: /],
  ])('refuses %s', (arg, message) => {
    expect(() => parseFactArgs([arg])).toThrow(message);
  });
});

describe('rule lint against the vocabulary', () => {
  const rule = (value: unknown): Rule =>
    ({
      id: 'auth.x',
      file: 'auth/x.yaml',
      when: { all: [{ fact: 'region', operator: 'in', value }] },
      examples: { match: [{ text: 'x' }], not: [{ text: 'y' }] },
      verify: [],
    }) as unknown as Rule;

  it('flags a value the fact never takes, and passes the ones it does', () => {
    expect(lintRules([rule(['intl', 'singapore'])]).map((p) => p.message)).toEqual([
      'condition compares region with "singapore", which it never takes (one of: cn, intl, us, cn-hongkong, cn-finance, jp, eu, unknown)',
    ]);
    expect(lintRules([rule(['intl', 'cn'])])).toEqual([]);
  });
});
