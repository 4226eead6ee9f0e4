// A rule's filled texts are kept per set of placeholder values (src/diagnose/answer.ts). Whatever was answered
// before, an answer must read exactly as if it were the first: the same pastes answered in two orders agree, a
// placeholder value or the region's presence changes the text, and a caller changing its answer changes no other.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readJsonl } from '../../src/authoring/corpus-score.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { loadRules } from '../../src/engine/rule-set.js';
import type { DiagnoseInput } from '../../src/types.js';

const rules = loadRules();
const corpusDir = join(import.meta.dirname, '../corpus');
const inputs: DiagnoseInput[] = [
  ...rules.rules.flatMap((r) => r.examples.match.map((e) => ({ text: e.text, facts: e.facts }))),
  ...readdirSync(corpusDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readJsonl(join(corpusDir, f)).map((i) => ({ text: i.text }))),
];

const answerOf = async (input: DiagnoseInput | string) => JSON.stringify((await diagnose(input, { rules })).diagnoses);

describe('filled rule texts, kept and reused', () => {
  it('every paste reads the same answered first to last and, by a fresh copy of the code, last to first', async () => {
    const forward = [];
    for (const input of inputs) forward.push(await answerOf(input));
    // A fresh module graph: nothing kept from the forward pass.
    vi.resetModules();
    const fresh = (await import('../../src/diagnose/diagnose.js')).diagnose;
    const freshRules = (await import('../../src/engine/rule-set.js')).loadRules();
    const backward = [];
    for (const input of [...inputs].reverse())
      backward.push(JSON.stringify((await fresh(input, { rules: freshRules })).diagnoses));
    expect(backward.reverse()).toEqual(forward);
  });

  it('a placeholder value fills its own answer, past the number kept per rule', async () => {
    const models = Array.from({ length: 20 }, (_, i) => `qwen-test-${i}`);
    for (const round of [0, 1])
      for (const model of round ? [...models].reverse() : models) {
        const top = (await diagnose(`Model.AccessDenied: Model access denied. model=${model}`, { rules })).diagnoses[0];
        expect(JSON.stringify(top)).toContain(model);
        for (const other of models) if (other !== model) expect(JSON.stringify(top)).not.toContain(`${other}"`);
      }
  });

  it('the region note comes and goes with the region, alternately', async () => {
    const noRegion = 'Throttling.RateQuota: Requests rate limit exceeded, please try again later.';
    // Beijing's own base URL: every placeholder reads as without a region, only the note differs.
    const beijing = `${noRegion} base_url=https://dashscope.aliyuncs.com/compatible-mode/v1`;
    const intl = `${noRegion} base_url=https://dashscope-intl.aliyuncs.com/compatible-mode/v1`;
    for (let i = 0; i < 3; i++) {
      expect(await answerOf(noRegion)).toContain('The paste does not show your region');
      expect(await answerOf(beijing)).not.toContain('does not show your region');
      expect(await answerOf(intl)).not.toContain('does not show your region');
    }
  });

  it('a caller changing its answer changes no later one', async () => {
    const text = 'Throttling.RateQuota: Requests rate limit exceeded, please try again later.';
    const first = (await diagnose(text, { rules })).diagnoses[0];
    expect(first).toBeDefined();
    const before = JSON.stringify(first);
    first!.fix.push('changed by the caller');
    first!.verify[0]!.run = 'changed by the caller';
    expect(JSON.stringify((await diagnose(text, { rules })).diagnoses[0])).toBe(before);
  });
});
