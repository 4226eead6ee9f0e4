// Scores the development corpus and prints the figures. The floor in corpus-floor.json is the best reached so far:
// a change that lowers any figure below it fails here. Raise the floor when the figures improve.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScore, readJsonl, scoreCorpus } from '../../src/knowledge/corpus-score.js';

const dir = import.meta.dirname;
const floor = JSON.parse(readFileSync(join(dir, 'corpus-floor.json'), 'utf8')) as { categoryAccuracy: number; codeAccuracy: number; negativeAccuracy: number };
const score = await scoreCorpus(readJsonl(join(dir, 'dev.jsonl')), readJsonl(join(dir, 'dev-negatives.jsonl')));
process.stdout.write(`\n${formatScore(score, true)}\n\n`);

describe('development corpus', () => {
  it(`category accuracy ${(score.categoryAccuracy * 100).toFixed(1)}% stays at or above ${floor.categoryAccuracy * 100}%`, () => {
    expect(score.categoryAccuracy).toBeGreaterThanOrEqual(floor.categoryAccuracy);
  });
  it(`code accuracy ${(score.codeAccuracy * 100).toFixed(1)}% stays at or above ${floor.codeAccuracy * 100}%`, () => {
    expect(score.codeAccuracy).toBeGreaterThanOrEqual(floor.codeAccuracy);
  });
  it(`negatives undiagnosed ${(score.negativeAccuracy * 100).toFixed(1)}% stays at or above ${floor.negativeAccuracy * 100}%`, () => {
    expect(score.negativeAccuracy).toBeGreaterThanOrEqual(floor.negativeAccuracy);
  });
});
