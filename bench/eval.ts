// `npm run eval`: the corpus scores, with every miss. CORPUS_DIR points at another corpus laid out the same way.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatScore, readJsonl, scoreCorpus } from '../src/authoring/corpus-score.js';

const dir = process.env.CORPUS_DIR ?? join(process.cwd(), 'test', 'corpus');
const sets: [string, string, string][] = [
  ['development corpus', 'dev.jsonl', 'dev-negatives.jsonl'],
  ['reference formats set', 'formats.jsonl', 'formats-negatives.jsonl'],
];
for (const [name, pos, neg] of sets) {
  if (!existsSync(join(dir, pos))) continue;
  const score = await scoreCorpus(readJsonl(join(dir, pos)), readJsonl(join(dir, neg)));
  process.stdout.write(`${name}\n${formatScore(score, true)}\n\n`);
}
