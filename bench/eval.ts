// `npm run eval`: the development corpus score, with every miss.
import { join } from 'node:path';
import { formatScore, readJsonl, scoreCorpus } from '../src/knowledge/corpus-score.js';

const dir = process.env.CORPUS_DIR ?? join(process.cwd(), 'test', 'corpus');
const score = await scoreCorpus(readJsonl(join(dir, 'dev.jsonl')), readJsonl(join(dir, 'dev-negatives.jsonl')));
process.stdout.write(`${formatScore(score, true)}\n`);
