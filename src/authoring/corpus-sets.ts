// The labelled corpora `npm run eval` and the floor test score, declared once. Each batch is a pair of files in
// one directory; the development corpus is every `dev*` batch together.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CorpusItem, readJsonl } from './corpus-score.js';

export interface CorpusBatch {
  name: string;
  positives: string;
  negatives: string;
}

/** The development batches (real pastes, see test/corpus/README.md); dev2 joined in 2026-12. */
export const DEV_BATCHES: readonly CorpusBatch[] = [
  { name: 'dev', positives: 'dev.jsonl', negatives: 'dev-negatives.jsonl' },
  { name: 'dev2', positives: 'dev2.jsonl', negatives: 'dev2-negatives.jsonl' },
];

/** The reference's wire formats and messages in other wrappers: a set the rule authors did not tune on. */
export const FORMATS_BATCH: CorpusBatch = {
  name: 'reference formats set',
  positives: 'formats.jsonl',
  negatives: 'formats-negatives.jsonl',
};

export interface LoadedCorpus {
  positives: CorpusItem[];
  negatives: CorpusItem[];
}

/** Read the batches present in `dir` (a missing batch is skipped: CORPUS_DIR may hold fewer). */
export function loadBatches(dir: string, batches: readonly CorpusBatch[]): LoadedCorpus {
  const out: LoadedCorpus = { positives: [], negatives: [] };
  for (const b of batches) {
    if (!existsSync(join(dir, b.positives))) continue;
    out.positives.push(...readJsonl(join(dir, b.positives)));
    if (existsSync(join(dir, b.negatives))) out.negatives.push(...readJsonl(join(dir, b.negatives)));
  }
  return out;
}
