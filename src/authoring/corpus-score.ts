// Scores the engine on a labelled corpus (see ../shared/corpus/README.md for the labels and scoring).
import { readFileSync } from 'node:fs';
import { diagnose } from '../diagnose/diagnose.js';
import type { RuleSet } from '../engine/rule-set.js';
import type { DiagnoseResult } from '../types.js';

export interface CorpusItem {
  id: string;
  text: string;
  expect: { category: string; code?: string | null; status?: number | null };
}

interface CorpusMiss {
  id: string;
  expected: string;
  got: string;
  text: string;
}

export interface CorpusScore {
  positives: number;
  categoryOk: number;
  withCode: number;
  codeOk: number;
  negatives: number;
  negativesOk: number;
  categoryAccuracy: number;
  codeAccuracy: number;
  negativeAccuracy: number;
  misses: CorpusMiss[];
}

/** The corpus's `other` label covers our billing, content_safety and other categories. */
function categoryMatches(expected: string, got: string | undefined): boolean {
  if (expected === 'other') return got === 'other' || got === 'billing' || got === 'content_safety';
  return expected === got;
}

export function readJsonl(path: string): CorpusItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusItem);
}

const describe = (r: DiagnoseResult) => {
  const top = r.diagnoses[0];
  return top ? `${r.matched ? '' : '(unmatched) '}${top.category}/${top.code ?? '-'} via ${top.id}` : 'nothing';
};

export async function scoreCorpus(
  positives: CorpusItem[],
  negatives: CorpusItem[],
  rules?: RuleSet,
): Promise<CorpusScore> {
  const misses: CorpusMiss[] = [];
  let categoryOk = 0;
  let withCode = 0;
  let codeOk = 0;
  for (const item of positives) {
    const r = await diagnose(item.text, { rules });
    const top = r.diagnoses[0];
    const catOk = r.matched && categoryMatches(item.expect.category, top?.category);
    if (catOk) categoryOk++;
    let cOk = true;
    if (item.expect.code) {
      withCode++;
      cOk = catOk && top?.code === item.expect.code;
      if (cOk) codeOk++;
    }
    if (!catOk || !cOk) {
      misses.push({
        id: item.id,
        expected: `${item.expect.category}/${item.expect.code ?? '-'}`,
        got: describe(r),
        text: item.text,
      });
    }
  }
  let negativesOk = 0;
  for (const item of negatives) {
    const r = await diagnose(item.text, { rules });
    const ok = !r.matched || r.diagnoses[0]?.category === 'not_model_studio';
    if (ok) negativesOk++;
    else misses.push({ id: item.id, expected: 'none', got: describe(r), text: item.text });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    positives: positives.length,
    categoryOk,
    withCode,
    codeOk,
    negatives: negatives.length,
    negativesOk,
    categoryAccuracy: ratio(categoryOk, positives.length),
    codeAccuracy: ratio(codeOk, withCode),
    negativeAccuracy: ratio(negativesOk, negatives.length),
    misses,
  };
}

export function formatScore(s: CorpusScore, withMisses: boolean): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    'corpus                      score',
    `category accuracy           ${pct(s.categoryAccuracy)}  (${s.categoryOk}/${s.positives})`,
    `code accuracy               ${pct(s.codeAccuracy)}  (${s.codeOk}/${s.withCode})`,
    `negatives left undiagnosed  ${pct(s.negativeAccuracy)}  (${s.negativesOk}/${s.negatives})`,
  ];
  if (withMisses && s.misses.length) {
    lines.push('', 'misses:');
    for (const m of s.misses)
      lines.push(`  ${m.id}: expected ${m.expected}, got ${m.got}\n      ${m.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  return lines.join('\n');
}
