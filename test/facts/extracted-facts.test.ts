// The facts extracted from every corpus paste (test/corpus/*.jsonl) and every rule example (with its given facts),
// pinned in test/fixtures/extracted-facts.json: a change made for speed must leave every fact, and the order of the
// facts, exactly as it was. Each paste's raw text and its metamorphic variants (log noise, frames, wrappers, prose
// mentions) are pinned too, as one digest per paste, and so are seeded splices of two pastes. An intended change of a fact updates the fixture with
//   npx vitest run test/facts/extracted-facts.test.ts -u
// and the fixture's diff then names every input whose facts changed (the variants only by digest).
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readJsonl } from '../../src/authoring/corpus-score.js';
import { loadRules } from '../../src/engine/rule-set.js';
import { extractFacts } from '../../src/facts/index.js';
import { redact } from '../../src/text/redact.js';
import type { FactValue } from '../../src/types.js';
import { negativeVariants, positiveVariants } from '../metamorphic/variants.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus');

interface Input {
  name: string;
  text: string;
  given?: Record<string, FactValue>;
}

function corpusPastes(): Input[] {
  const out: Input[] = [];
  for (const file of readdirSync(CORPUS)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const item of readJsonl(join(CORPUS, file)))
      if (typeof item.text === 'string') out.push({ name: `corpus ${file} ${String(item.id)}`, text: item.text });
  }
  return out;
}

function ruleExamples(): Input[] {
  const out: Input[] = [];
  for (const rule of [...loadRules().rules].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const kind of ['match', 'not'] as const) {
      for (const [i, ex] of rule.examples[kind].entries())
        out.push({ name: `rule ${rule.id} ${kind}[${i}]`, text: ex.text, given: ex.facts });
    }
  }
  return out;
}

/** The facts as diagnose() extracts them: from the redacted text, with the redaction's findings. */
function factsOf(text: string, given?: Record<string, FactValue>): string {
  const redaction = redact(text);
  const { text: _text, ...facts } = extractFacts(redaction.text, redaction.findings, given);
  return JSON.stringify(facts);
}

function digest(texts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const t of texts) hash.update(`${JSON.stringify(extractFacts(t, []))}\n`);
  return hash.digest('hex').slice(0, 16);
}

const variantsOf = (text: string) => [
  text,
  ...positiveVariants(text).map((v) => v.text),
  ...negativeVariants(text).map((v) => v.text),
];

/** Joints a paste never had: neighbours a fast path might mishandle (a number, a label, a body, a brace cut off). */
const GLUE = [
  '',
  ' ',
  '\n',
  ' 429 ',
  'status: ',
  '(500)',
  'error ',
  '{"message": "',
  'HTTP/1.1 ',
  '<400>',
  '\n503 Bad',
  '返回 ',
  'code=',
];

/** Pieces of two pastes spliced at seeded random cuts, in batches of 25 (one digest each). */
function splices(pastes: readonly Input[], batches: number): string[][] {
  let seed = 19;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  return Array.from({ length: batches }, () =>
    Array.from({ length: 25 }, () => {
      const a = (pastes[next(pastes.length)] as Input).text;
      const b = (pastes[next(pastes.length)] as Input).text;
      const i = next(a.length + 1);
      const j = i + next(a.length - i + 1);
      const p = next(b.length + 1);
      return (
        a.slice(i, j) + (GLUE[next(GLUE.length)] as string) + b.slice(p, p + next(Math.min(400, b.length - p) + 1))
      );
    }),
  );
}

it('extracts the pinned facts from every corpus paste, its variants and every rule example', async () => {
  const pastes = corpusPastes();
  const lines: string[] = [];
  for (const input of [...pastes, ...ruleExamples()]) {
    lines.push(`  ${JSON.stringify(input.name)}: ${factsOf(input.text, input.given)}`);
  }
  for (const input of pastes)
    lines.push(`  ${JSON.stringify(`${input.name} variants`)}: "${digest(variantsOf(input.text))}"`);
  for (const [i, batch] of splices(pastes, 80).entries()) lines.push(`  "splices[${i}]": "${digest(batch)}"`);
  expect(pastes.length).toBeGreaterThan(250);
  await expect(`{\n${lines.join(',\n')}\n}\n`).toMatchFileSnapshot('../fixtures/extracted-facts.json');
});
