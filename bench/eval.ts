// `npm run eval`: the corpus scores, with every miss. CORPUS_DIR points at another corpus laid out the same way.
import { join } from 'node:path';
import { formatScore, scoreCorpus } from '../src/authoring/corpus-score.js';
import { type CorpusBatch, DEV_BATCHES, FORMATS_BATCH, loadBatches } from '../src/authoring/corpus-sets.js';

const dir = process.env.CORPUS_DIR ?? join(process.cwd(), 'test', 'corpus');
// Each batch with its misses, then the development batches together (the figures the floor test holds).
const sets: [string, readonly CorpusBatch[], boolean][] = [
  ...DEV_BATCHES.map((b): [string, CorpusBatch[], boolean] => [`${b.name} (${b.positives})`, [b], true]),
  [`development corpus (${DEV_BATCHES.map((b) => b.name).join(' + ')})`, DEV_BATCHES, false],
  [FORMATS_BATCH.name, [FORMATS_BATCH], true],
];
for (const [name, batches, withMisses] of sets) {
  const corpus = loadBatches(dir, batches);
  if (!corpus.positives.length) continue;
  const score = await scoreCorpus(corpus.positives, corpus.negatives);
  process.stdout.write(`${name}\n${formatScore(score, withMisses)}\n\n`);
}
