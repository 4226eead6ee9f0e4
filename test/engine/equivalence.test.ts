// The fast path (candidate index + compiled conditions) must agree with a plain json-rules-engine Engine over
// ALL rules: same matching rule ids and same evidence, on every rule example and every corpus text — and so
// diagnose() must return identical results through either.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../src/authoring/corpus-score.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { buildEngine, runEngine } from '../../src/engine/json-engine.js';
import type { RuleMatch } from '../../src/engine/match.js';
import { loadRules, type RuleSet } from '../../src/engine/rule-set.js';
import type { DiagnoseInput, Facts } from '../../src/types.js';

const rules = loadRules();
const byId = new Map(rules.rules.map((r) => [r.id, r]));
const engine = buildEngine([...rules.rules]);
const plain: RuleSet = { ...rules, evaluate: (facts) => runEngine(engine, byId, facts) };

const corpusDir = join(import.meta.dirname, '../corpus');
const inputs: { name: string; input: DiagnoseInput }[] = [
  ...rules.rules.flatMap((r) =>
    (['match', 'not'] as const).flatMap((kind) =>
      r.examples[kind].map((ex, i) => ({ name: `${r.id} ${kind}[${i}]`, input: { text: ex.text, facts: ex.facts } })),
    ),
  ),
  ...readdirSync(corpusDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readJsonl(join(corpusDir, f)).map((item) => ({ name: `${f} ${item.id}`, input: { text: item.text } })),
    ),
];

const summary = (matches: RuleMatch[]) =>
  Object.fromEntries(
    matches.map((m) => [m.rule.id, m.evidence]).sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

async function factsOf(input: DiagnoseInput): Promise<Facts> {
  return (await diagnose(input, { rules, echo: true })).facts as Facts;
}

describe('fast path ≡ json-rules-engine over all rules', () => {
  it('has rule examples and corpus texts to compare on', () => {
    expect(rules.rules.length).toBeGreaterThan(0);
    expect(inputs.length).toBeGreaterThan(rules.rules.length * 2);
  });

  it('compiles every shipped rule (none left to the engine)', () => {
    expect(rules.engineOnly.map((r) => r.id)).toEqual([]);
  });

  it.each(inputs)('same matches and evidence: $name', async ({ input }) => {
    const facts = await factsOf(input);
    expect(summary(await rules.evaluate(facts))).toEqual(summary(await runEngine(engine, byId, facts)));
  });

  it.each(inputs)('identical diagnose() result: $name', async ({ input }) => {
    expect(await diagnose(input, { rules })).toEqual(await diagnose(input, { rules: plain }));
  });

  it('agrees on texts spliced from examples of different rules', async () => {
    const texts = inputs.map((i) => i.input.text);
    const piece = fc
      .constantFrom(...texts)
      .chain((t) =>
        fc.tuple(fc.nat(t.length), fc.nat(t.length)).map(([a, b]) => t.slice(Math.min(a, b), Math.max(a, b))),
      );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.boolean(), async (parts, upper) => {
        const text = upper ? parts.join('\n').toUpperCase() : parts.join(' ');
        const facts = await factsOf({ text });
        expect(summary(await rules.evaluate(facts))).toEqual(summary(await runEngine(engine, byId, facts)));
      }),
      { numRuns: 300 },
    );
  });
});
