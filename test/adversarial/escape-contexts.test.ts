// Every known credential shape in every escape context, split by invisible characters, at every cut point of the
// bounds, in lists — through redact() and diagnose(). Before the decoded view, 189 of 189 escaped plantings leaked
// with secretsFound false; before the shapes, 35 of 36 new shapes came back.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { loadRules, type RuleSet } from '../../src/engine/rule-set.js';
import { MAX_TEXT_CHARS } from '../../src/text/input.js';
import { redact } from '../../src/text/redact.js';
import { ESCAPES, knownShapes, leaks, splitInvisibly, unknownShape } from './escaped-secrets.js';

const SEEDS = [1, 2, 3];
const ERROR = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';

let rules: RuleSet;
beforeAll(() => {
  rules = loadRules();
});

describe('redact() in every escape context', () => {
  it('redacts every known shape behind every escape, and says it found one', () => {
    const leaked: string[] = [];
    let planted = 0;
    for (const seed of SEEDS)
      for (const shape of knownShapes(seed))
        for (const [context, wrap] of Object.entries(ESCAPES)) {
          planted++;
          const { text, findings } = redact(`${ERROR}\n${wrap(shape.line)}\n`);
          if (leaks(text, shape.value) || findings.length === 0) leaked.push(`${shape.kind} / ${context}`);
        }
    console.log(`escape contexts: ${planted} plantings, ${leaked.length} leaked`);
    expect(leaked).toEqual([]);
    expect(planted).toBeGreaterThan(1000);
  });

  it.each(['\u200b', '\u00ad'] as const)('redacts every known shape split by U+%s anywhere', (char) => {
    const leaked: string[] = [];
    for (const shape of knownShapes(4))
      for (let at = 1; at < shape.value.length; at += 3) {
        const { text } = redact(splitInvisibly(shape, at, char));
        if (leaks(text, shape.value)) leaked.push(`${shape.kind} @${at}`);
      }
    expect(leaked).toEqual([]);
  });

  it('redacts a DashScope key wrapped onto the next line at any point', () => {
    const key = knownShapes(5)[0]!.value;
    for (let at = 7; at < key.length - 4; at++) {
      const { text, findings } = redact(`api_key: ${key.slice(0, at)}\n${key.slice(at)}\n401 InvalidApiKey`);
      expect(leaks(text, key.slice(3), 10), `cut at ${at}`).toBe(false);
      expect(findings.length).toBeGreaterThan(0);
    }
  });

  it('leaves escaped text without a secret exactly as it was', () => {
    for (const wrap of Object.values(ESCAPES)) {
      const text = wrap('model qwen-plus: 100% of quota used; path C:\\new\\table');
      expect(redact(text).text).toBe(text);
    }
  });
});

describe('diagnose() through every fact', () => {
  it('property: a known shape in any context and any surroundings never comes back, even with echo', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 120 }),
        fc.string({ maxLength: 120 }),
        async (seed, pickShape, pickContext, before, after) => {
          const shapes = knownShapes(seed);
          const shape = shapes[pickShape % shapes.length]!;
          const contexts = Object.values(ESCAPES);
          const text = `${before}\n${ERROR}\n${contexts[pickContext % contexts.length]!(shape.line)}\n${after}`;
          const result = await diagnose(text, { rules, echo: true });
          expect(leaks(JSON.stringify(result), shape.value)).toBe(false);
          expect(result.secretsFound).toBe(true);
        },
      ),
      { numRuns: 250, seed: 12 },
    );
  });

  it('redacts given list facts (models, headers) item by item, and given fact names', async () => {
    for (const shape of knownShapes(6)) {
      const result = await diagnose(
        {
          text: ERROR,
          facts: { models: ['qwen-plus', shape.line], headers: [shape.line], baseUrl: shape.line, [shape.line]: 'x' },
        },
        { rules },
      );
      expect(leaks(JSON.stringify(result), shape.value), shape.kind).toBe(false);
      expect(result.secretsFound, shape.kind).toBe(true);
    }
  });

  it('bounds given facts: a 1 MiB fact is cut to a couple of KiB', async () => {
    const result = await diagnose({ text: ERROR, facts: { model: 'q'.repeat(1 << 20) } }, { rules });
    expect(JSON.stringify(result).length).toBeLessThan(64 * 1024);
  });

  it('leaves facts.text out unless asked, so an unknown shape does not come back', async () => {
    const shape = unknownShape(7);
    const text = `${ERROR}\n${shape.line}\n`;
    const quiet = await diagnose(text, { rules });
    expect(quiet.facts).not.toHaveProperty('text');
    expect(JSON.stringify(quiet)).not.toContain(shape.value);
    expect((await diagnose(text, { rules, echo: true })).facts.text).toContain(shape.value);
  });

  it('answers diagnose(null), diagnose(undefined) and a number without throwing', async () => {
    for (const input of [null, undefined, 42, { text: null }])
      expect((await diagnose(input as never, { rules })).diagnoses).toBeInstanceOf(Array);
  });

  it('renders a fact of ~41k lines without overflowing the stack', async () => {
    const { renderText } = await import('../../src/render/text.js');
    const result = await diagnose(ERROR, { rules });
    const d = result.diagnoses[0]!;
    expect(d).toBeDefined();
    const huge = {
      ...result,
      diagnoses: [{ ...d, fix: ['\n'.repeat(41_000)], verify: [{ say: 'x', run: '\n'.repeat(41_000) }] }],
    };
    expect(renderText(huge).length).toBeGreaterThan(41_000);
  });
});

describe('the bounds never part a secret from its label', () => {
  // Positions around each cut: the head/tail cut of the final bound and the coarse cut before redaction.
  const line = (n: number) => `log line ${String(n).padStart(6, '0')} ok\n`;
  function textWith(planted: string, at: number, total: number): string {
    let filler = '';
    for (let n = 0; filler.length < total; n++) filler += line(n);
    return `${ERROR}\n${filler.slice(0, at)}${planted}${filler.slice(at, total)}`;
  }

  it.each([
    ['final cut, head', MAX_TEXT_CHARS / 2, MAX_TEXT_CHARS * 2],
    ['final cut, tail', MAX_TEXT_CHARS * 2 - MAX_TEXT_CHARS / 2, MAX_TEXT_CHARS * 2],
    ['coarse cut, head', MAX_TEXT_CHARS * 2, MAX_TEXT_CHARS * 6],
    ['coarse cut, tail', MAX_TEXT_CHARS * 4, MAX_TEXT_CHARS * 6],
  ])('%s: every offset around the cut', async (_name, cut, total) => {
    const shapes = knownShapes(8).filter((s) =>
      ['api-key-assignment', 'password', 'standard', 'access-key-secret', 'url-password'].includes(s.kind),
    );
    for (const shape of shapes)
      for (let d = -shape.line.length - 8; d <= shape.line.length + 8; d += 3) {
        const result = await diagnose(textWith(shape.line, cut + d, total), { rules, echo: true });
        expect(leaks(result.facts.text ?? '', shape.value, 8), `${shape.kind} at ${d}`).toBe(false);
      }
  });
});

describe('the bounds on one long line (a minified JSON log)', () => {
  const filler = (n: number) => '{"level":"info","msg":"retrying request"},'.repeat(Math.ceil(n / 41)).slice(0, n);

  it('final cut: a labelled value is redacted before the cut can part it from its label', async () => {
    const shape = knownShapes(9).find((s) => s.kind === 'api-key-assignment')!;
    const total = MAX_TEXT_CHARS * 2;
    for (const cut of [MAX_TEXT_CHARS / 2, total - MAX_TEXT_CHARS / 2])
      for (let d = -shape.line.length - 6; d <= shape.line.length + 6; d++) {
        const body = filler(total);
        const text = `${ERROR} ${body.slice(0, cut + d)}${shape.line}${body.slice(cut + d)}`;
        const result = await diagnose(text, { rules, echo: true });
        expect(leaks(result.facts.text ?? '', shape.value, 8), `cut ${cut} offset ${d}`).toBe(false);
      }
  });

  it('coarse cut: invisible characters are gone before it, so it cannot split a key', async () => {
    // Mostly invisible padding: long before cleaning, short after. A cut before cleaning split the key into
    // fragments that nothing cut again (15-29 characters of a key survived).
    const key = knownShapes(10)[0]!.value;
    const split = [...key].join('\u200b');
    const coarse = MAX_TEXT_CHARS * 2;
    for (let d = -split.length; d <= 0; d += 3) {
      const at = coarse + d - ERROR.length - 1;
      const text = `${ERROR} ${'\u200b'.repeat(at)}${split} ${'\u200b'.repeat(MAX_TEXT_CHARS * 6 - at)}`;
      const result = await diagnose(text, { rules, echo: true });
      expect(leaks(result.facts.text ?? '', key.slice(3), 8), `offset ${d}`).toBe(false);
      expect(result.secretsFound).toBe(true);
    }
  });
});
