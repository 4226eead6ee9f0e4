// Model limits come from the data file; unknown ids give no numbers at all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/index.js';
import { extractModelLimits } from '../../src/facts/model-limits.js';
import { MODEL_LIMITS } from '../../src/facts/models-data.js';

describe('extractModelLimits', () => {
  it('qwen-max: 32,768-token window, 30,720 input, 8,192 output, a longer-context suggestion', () => {
    expect(extractModelLimits('qwen-max')).toEqual({
      contextWindow: 32_768,
      maxInputTokens: 30_720,
      maxOutputTokens: 8_192,
      longerContextModel: 'qwen3-max',
    });
  });

  it.each([
    // Qwen Cloud "Text generation models" (K8): qwen-plus 1M / 32k, qwen-turbo 128k / 16k, qwen2.5 open 32k / 8k.
    ['qwen-plus', 1_000_000, 32_768],
    ['qwen-turbo', 131_072, 16_384],
    ['qwen3.6-plus', 1_000_000, 65_536],
    ['qwen3.6-max-preview', 262_144, 65_536],
    ['qwen2.5-72b-instruct', 32_768, 8_192],
    ['qwen-mt-turbo', 16_384, 8_192],
  ])('%s: %d-token window, %d output (official model table)', (id, window, output) => {
    expect(extractModelLimits(id)).toMatchObject({ contextWindow: window, maxOutputTokens: output });
  });

  it('the table names its source and the date it was read', () => {
    const source = readFileSync(new URL('../../src/facts/models-data.ts', import.meta.url), 'utf8');
    expect(source).toContain('https://docs.qwencloud.com/developer-guides/getting-started/text-generation-models');
    expect(source).toMatch(/read 20\d\d-\d\d-\d\d/);
  });

  it.each(['qwen-max-2099-01-01', 'Qwen-Max', 'my-finetune', 'gpt-4o', ''])('unknown id %j gives nothing', (id) => {
    expect(extractModelLimits(id || undefined)).toEqual({});
  });

  it('every entry is self-consistent', () => {
    for (const [id, l] of Object.entries(MODEL_LIMITS)) {
      expect(id).toBe(id.toLowerCase());
      if (l.maxInputTokens !== undefined) expect(l.maxInputTokens).toBeLessThanOrEqual(l.contextWindow);
      if (l.maxOutputTokens !== undefined) expect(l.maxOutputTokens).toBeLessThan(l.contextWindow);
      if (l.longerContextModel !== undefined) {
        expect(MODEL_LIMITS[l.longerContextModel]?.contextWindow ?? 0).toBeGreaterThan(l.contextWindow);
      }
    }
  });
});

describe('model limits as facts', () => {
  it('follow the model in the text', () => {
    const facts = extractFacts('{"model": "qwen-max"} -> Range of input length should be [1, 30720]', []);
    expect(facts.contextWindow).toBe(32_768);
    expect(facts.maxOutputTokens).toBe(8_192);
  });

  it('follow a given model over the one in the text', () => {
    const facts = extractFacts('{"model": "qwen-max"} failed', [], { model: 'qwen3-coder-plus' });
    expect(facts.contextWindow).toBe(1_048_576);
  });

  it('are absent for an unknown model', () => {
    const facts = extractFacts('{"model": "qwen-custom-ft"} failed', []);
    expect(facts.model).toBe('qwen-custom-ft');
    expect(facts.contextWindow).toBeUndefined();
  });
});
