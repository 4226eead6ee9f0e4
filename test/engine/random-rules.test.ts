// Beyond the shipped rules: random condition trees over random facts, the fast path against the plain engine.
// The knowledge base keeps growing, so equivalence must hold for rule shapes nobody has written yet.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEngine, runEngine } from '../../src/engine/json-engine.js';
import type { RuleMatch } from '../../src/engine/match.js';
import { createRuleSet } from '../../src/engine/rule-set.js';
import type { Condition, Rule } from '../../src/knowledge/rule.js';
import type { Facts } from '../../src/types.js';

const WORDS = ['rate', 'limit', 'Quota', 'timeout', '超时', 'key', 'denied', '429', 'x-api'];
const CODES = ['Throttling', 'Throttling.RateQuota', 'InvalidApiKey', 'Arrearage'];
const PROVIDERS = ['model_studio', 'openai'];

const word = fc.constantFrom(...WORDS);
const pattern = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
  fc.tuple(word, word).map(([a, b]) => `${a}|${b}`),
  fc.tuple(word, word).map(([a, b]) => `\\b${a}s?(?: ${b})?`),
  fc.tuple(word, word).map(([a, b]) => `${a}.{0,20}${b}`),
  fc.constant('\\d{3}'),
);

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  pattern.map((value) => ({ fact: 'text', operator: 'matches', value })),
  pattern.map((value) => ({ fact: 'text', operator: 'matchesCase', value })),
  pattern.map((value) => ({ fact: 'headers', operator: 'matches', value })),
  fc.constantFrom(...CODES).map((value) => ({ fact: 'code', operator: 'equal', value })),
  fc.subarray(CODES, { minLength: 1 }).map((value) => ({ fact: 'code', operator: 'in', value })),
  fc.constantFrom(429, 400, '429').map((value) => ({ fact: 'status', operator: 'equal', value })),
  fc.constantFrom(...PROVIDERS).map((value) => ({ fact: 'provider', operator: 'notEqual', value })),
  fc
    .constantFrom('code', 'status', 'provider', 'constructor')
    .chain((fact) => fc.boolean().map((value) => ({ fact, operator: 'present', value }))),
  fc
    .constantFrom('x-dashscope-async', 'retry-after')
    .map((value) => ({ fact: 'headers', operator: 'contains', value })),
  fc.constant({ fact: 'status', operator: 'between', value: [400, 499] }),
);

const tree: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('node').map((not) => ({ not })),
  ),
})).node;

const facts: fc.Arbitrary<Facts> = fc
  .record(
    {
      text: fc.array(fc.oneof(word, fc.constantFrom(' ', '\n', 'RATE LIMIT', 'status 503')), { maxLength: 8 }),
      code: fc.constantFrom(...CODES),
      status: fc.constantFrom(429, 400, 503),
      provider: fc.constantFrom(...PROVIDERS, ''),
      headers: fc.subarray(['x-dashscope-async', 'retry-after', 'X-Request-Id']),
    },
    { requiredKeys: ['text'] },
  )
  .map((r) => ({ ...r, text: r.text.join(' ') }) as Facts);

const toRule = (when: Condition, i: number): Rule => ({
  id: `other.r${i}`,
  title: 't',
  category: 'other',
  severity: 'low',
  priority: 50,
  confidence: 0.5,
  code: null,
  codes: [],
  when,
  cause: 'c',
  fix: ['f'],
  verify: [{ say: 's', run: 'r' }],
  docs: [],
  examples: { match: [], not: [] },
  file: `r${i}.yaml`,
});

const summary = (ms: RuleMatch[]) => Object.fromEntries(ms.map((m) => [m.rule.id, m.evidence]));

describe('random rules: fast path ≡ json-rules-engine', () => {
  it('returns the same matches and evidence', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(tree, { minLength: 1, maxLength: 12 }),
        fc.array(facts, { minLength: 1, maxLength: 5 }),
        async (trees, runs) => {
          const rules = trees.map(toRule);
          const fast = createRuleSet(rules);
          const engine = buildEngine(rules);
          const byId = new Map(rules.map((r) => [r.id, r]));
          for (const f of runs)
            expect(summary(await fast.evaluate(f))).toEqual(summary(await runEngine(engine, byId, f)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves trees with engine-only features to the engine, with the same answers', async () => {
    const rules = [
      toRule({ all: [{ fact: 'code', operator: 'equal', value: { fact: 'rawCode' } }] }, 0),
      toRule({ fact: 'text', operator: 'matches', value: 'quota', path: '$.x' } as Condition, 1),
      toRule({ any: [{ fact: 'code', operator: 'equal', value: 'Throttling' }] }, 2),
    ];
    const fast = createRuleSet(rules);
    expect(fast.engineOnly.map((r) => r.id)).toEqual(['other.r0', 'other.r1']);
    const f = { text: 'quota', code: 'Throttling', rawCode: 'Throttling' } as Facts;
    const byId = new Map(rules.map((r) => [r.id, r]));
    expect(summary(await fast.evaluate(f))).toEqual(summary(await runEngine(buildEngine(rules), byId, f)));
    expect(Object.keys(summary(await fast.evaluate(f))).sort()).toEqual(['other.r0', 'other.r1', 'other.r2']);
  });

  it('selects only rules whose requirement holds, and always the unindexable ones', () => {
    const rules = [
      toRule({ fact: 'text', operator: 'matches', value: 'rate limit' }, 0),
      toRule({ fact: 'code', operator: 'equal', value: 'Arrearage' }, 1),
      toRule({ not: { fact: 'code', operator: 'present', value: true } }, 2),
      toRule(
        {
          all: [
            { fact: 'provider', operator: 'present', value: true },
            { fact: 'text', operator: 'matches', value: '\\d+' },
          ],
        },
        3,
      ),
    ];
    const fast = createRuleSet(rules);
    expect(fast.indexStats).toMatchObject({ always: 1, literals: 1, exactFacts: 1, presenceFacts: 1 });
    expect(fast.candidates({ text: 'nothing here' } as Facts)).toEqual([2]);
    expect(fast.candidates({ text: 'RATE LIMIT hit', code: 'Arrearage' } as Facts)).toEqual([0, 1, 2]);
    expect(fast.candidates({ text: '', provider: 'openai' } as Facts)).toEqual([2, 3]);
  });
});
