// Metamorphic robustness over the development corpus: log noise with status-like numbers, stack frames,
// timestamps, Python-repr vs JSON quoting, client prefixes and Chinese or English prose around a paste must not
// change its top diagnosis; a prose mention of Qwen or DashScope must not make another provider's error ours.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_BATCHES, loadBatches } from '../../src/authoring/corpus-sets.js';
import { formatFlips, measureNegatives, measurePositives } from './measure.js';

const KEPT_FLOOR = 0.995;
const NEGATIVE_FLOOR = 0.95;

const corpus = loadBatches(join(import.meta.dirname, '..', 'corpus'), DEV_BATCHES);
const positives = await measurePositives(corpus.positives);
const negatives = await measureNegatives(corpus.negatives);
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
process.stdout.write(
  `\nmetamorphic: positives kept ${pct(positives.ratio)} (${positives.kept}/${positives.variants}), negatives silent ${pct(negatives.ratio)} (${negatives.kept}/${negatives.variants})\n${formatFlips(positives)}\n${formatFlips(negatives)}\n`,
);

describe('metamorphic variants of the development corpus', () => {
  it(`positives keep their top diagnosis in ${pct(positives.ratio)} of variants (floor ${pct(KEPT_FLOOR)})`, () => {
    expect(positives.variants).toBeGreaterThan(corpus.positives.length * 15);
    expect(positives.ratio, formatFlips(positives, 10)).toBeGreaterThanOrEqual(KEPT_FLOOR);
  });
  it('no status-like number in log noise changes a top diagnosis', () => {
    const noise = positives.flips.filter((f) => f.kind.startsWith('noise-'));
    expect(noise.map((f) => `${f.id} ${f.kind}: ${f.before} -> ${f.after}`)).toEqual([]);
  });
  it(`negatives stay silent in ${pct(negatives.ratio)} of variants with a Qwen / DashScope mention (floor ${pct(NEGATIVE_FLOOR)})`, () => {
    expect(negatives.variants).toBeGreaterThan(0);
    expect(negatives.ratio, formatFlips(negatives, 10)).toBeGreaterThanOrEqual(NEGATIVE_FLOOR);
  });
});
