// Runs every variant of every corpus item through diagnose() and reports which changed the answer.

import { type CorpusItem, categoryMatches } from '../../src/authoring/corpus-score.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import type { DiagnoseResult } from '../../src/types.js';
import { negativeVariants, positiveVariants } from './variants.js';

interface Flip {
  id: string;
  kind: string;
  before: string;
  after: string;
  text: string;
}

export interface Kept {
  variants: number;
  kept: number;
  ratio: number;
  flips: Flip[];
}

/** The answer a user sees: whether it speaks, and which rule it names first. */
const answer = (r: DiagnoseResult) => `${r.matched ? '' : '(silent) '}${r.diagnoses[0]?.id ?? 'nothing'}`;

const silent = (r: DiagnoseResult) => !r.matched || r.diagnoses[0]?.category === 'not_model_studio';

function ratio(kept: number, variants: number, flips: Flip[]): Kept {
  return { variants, kept, ratio: variants ? kept / variants : 1, flips };
}

/** Right by the corpus's own scoring: confident, expected category, and expected code when there is one. */
function right(item: CorpusItem, r: DiagnoseResult): boolean {
  const top = r.diagnoses[0];
  if (!r.matched || !categoryMatches(item.expect.category, top?.category)) return false;
  return !item.expect.code || top?.code === item.expect.code;
}

/**
 * Positives: the top diagnosis (and whether it is confident) must survive every variant. A wrapper that adds a
 * client's own fingerprint (`DashscopeException - `) may turn a vaguer answer into the expected one: that is kept.
 */
export async function measurePositives(items: CorpusItem[]): Promise<Kept> {
  const flips: Flip[] = [];
  let variants = 0;
  for (const item of items) {
    const before = answer(await diagnose(item.text));
    for (const v of positiveVariants(item.text, item.expect.status)) {
      variants++;
      const r = await diagnose(v.text);
      const after = answer(r);
      if (after !== before && !right(item, r)) flips.push({ id: item.id, kind: v.kind, before, after, text: v.text });
    }
  }
  return ratio(variants - flips.length, variants, flips);
}

/** Negatives: a prose mention of Qwen or DashScope must not produce a confident Model Studio diagnosis. */
export async function measureNegatives(items: CorpusItem[]): Promise<Kept> {
  const flips: Flip[] = [];
  let variants = 0;
  for (const item of items) {
    if (!silent(await diagnose(item.text))) continue; // already a corpus miss, counted there
    for (const v of negativeVariants(item.text)) {
      variants++;
      const r = await diagnose(v.text);
      if (!silent(r)) flips.push({ id: item.id, kind: v.kind, before: 'silent', after: answer(r), text: v.text });
    }
  }
  return ratio(variants - flips.length, variants, flips);
}

export function formatFlips(k: Kept, max = 40): string {
  return k.flips
    .slice(0, max)
    .map((f) => `  ${f.id} ${f.kind}: ${f.before} -> ${f.after}\n      ${f.text.replace(/\s+/g, ' ').slice(0, 220)}`)
    .join('\n');
}
