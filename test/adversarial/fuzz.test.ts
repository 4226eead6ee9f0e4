// Fuzzing: diagnose() and every fact extractor on hostile input. Properties: never throws, always a valid
// DiagnoseResult, and no planted secret ever appears in the output. Prints the number of cases run.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { loadRules, type RuleSet } from '../../src/engine/rule-set.js';
import { extractBaseUrl } from '../../src/facts/base-url.js';
import { extractClient } from '../../src/facts/client.js';
import { extractCode } from '../../src/facts/code.js';
import { extractDocAnchor } from '../../src/facts/doc-anchor.js';
import { readErrorBodies } from '../../src/facts/error-body.js';
import { extractErrorType } from '../../src/facts/error-type.js';
import { extractHeaders } from '../../src/facts/headers.js';
import { extractFacts, FACT_NAMES } from '../../src/facts/index.js';
import { findJsonBodies } from '../../src/facts/json-bodies.js';
import { extractKeyKind } from '../../src/facts/key-kind.js';
import { extractKeyRegion } from '../../src/facts/key-region.js';
import { extractLimits } from '../../src/facts/limits.js';
import { extractMessage } from '../../src/facts/message.js';
import { extractModels } from '../../src/facts/model.js';
import { extractModelLimits } from '../../src/facts/model-limits.js';
import { extractProvider } from '../../src/facts/provider.js';
import { extractRequestId } from '../../src/facts/request-id.js';
import { extractStatus } from '../../src/facts/status.js';
import { boundText, MAX_TEXT_CHARS } from '../../src/text/input.js';
import { redact } from '../../src/text/redact.js';
import type { FactValue } from '../../src/types.js';
import {
  anyUtf16,
  attackInputs,
  binaryLooking,
  deepAndHugeJson,
  errorBody,
  hostileUnicode,
  jsonText,
  loneSurrogates,
  sizeEdges,
} from './fuzz-inputs.js';
import { leakedIn, plantedArb, secretValues } from './planted-secrets.js';
import { ruleRegexes, srcRegexes } from './regex-sources.js';
import { resultProblems } from './result-shape.js';

let rules: RuleSet;
let cases = 0;
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const runs = (numRuns: number) => {
  cases += numRuns;
  return { numRuns, seed: SEED };
};

beforeAll(() => {
  rules = loadRules();
});
afterAll(() => {
  console.log(`fuzz cases run: ${cases} (seed ${SEED})`);
});

async function checkDiagnose(text: string, facts?: Record<string, FactValue>): Promise<void> {
  const result = await diagnose({ text, facts }, { rules, echo: true });
  const problems = resultProblems(result);
  if (problems.length)
    throw new Error(`invalid result for ${JSON.stringify(text.slice(0, 80))}: ${problems.join('; ')}`);
  const shown = result.facts.text ?? '';
  if (shown.length > MAX_TEXT_CHARS + 200) throw new Error(`facts.text not bounded: ${shown.length}`);
}

const mixed = fc.oneof(anyUtf16, loneSurrogates, hostileUnicode, binaryLooking, jsonText, errorBody);

describe('diagnose() never throws and always returns a valid result', () => {
  it.each([
    ['arbitrary UTF-16 strings', anyUtf16, 600],
    ['lone surrogates', loneSurrogates, 150],
    ['CJK, emoji, RTL, NUL, BOM', hostileUnicode, 400],
    ['binary-looking bytes', binaryLooking, 250],
    ['arbitrary JSON', jsonText, 250],
    ['error bodies with arbitrary fields', errorBody, 350],
  ] as const)('%s', async (_name, arb, n) => {
    await fc.assert(
      fc.asyncProperty(arb, (text) => checkDiagnose(text)),
      runs(n),
    );
  });

  it('arbitrary given facts, of any name and type', async () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.array(fc.string(), { maxLength: 5 }),
    );
    const facts = fc.dictionary(fc.oneof(fc.constantFrom(...FACT_NAMES), fc.string()), value, { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(mixed, facts, (text, given) => checkDiagnose(text, given as Record<string, FactValue>)),
      runs(300),
    );
  });

  it('mutated rule examples (the texts most likely to reach deep into the rules)', async () => {
    const examples = rules.rules.flatMap((r) => [...r.examples.match, ...r.examples.not].map((e) => e.text));
    const mutated = fc
      .tuple(fc.constantFrom(...examples), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 30 }))
      .map(([text, a, b, insert]) => {
        const i = a % (text.length + 1);
        const j = Math.min(text.length, i + (b % 20));
        return text.slice(0, i) + insert + text.slice(j);
      });
    await fc.assert(
      fc.asyncProperty(mutated, (text) => checkDiagnose(text)),
      runs(400),
    );
  });

  it('deep and huge JSON', async () => {
    const inputs = deepAndHugeJson();
    cases += inputs.length;
    for (const text of inputs) await checkDiagnose(text);
  });

  it('texts at and over the size limit keep a bounded text and lose no secret', async () => {
    const secret = secretValues(42)[0]?.value ?? '';
    const inputs = sizeEdges(secret);
    cases += inputs.length;
    for (const text of inputs) {
      await checkDiagnose(text);
      const out = JSON.stringify(await diagnose(text, { rules }));
      expect(leakedIn(out, [{ value: secret }])).toEqual([]);
      // No fragment long enough to be useful survives a cut either.
      expect(out).not.toContain(secret.slice(0, 12));
    }
  });

  it('worst-case strings for every regex in src/ and the rules (recheck attacks and pumped literals)', async () => {
    const inputs = attackInputs([...srcRegexes(), ...ruleRegexes()]);
    cases += inputs.length;
    console.log(`worst-case regex inputs: ${inputs.length}`);
    for (const text of inputs) await checkDiagnose(text);
  }, 120_000);
});

describe('output never contains a planted secret', () => {
  it('planted in arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(plantedArb, async (planted) => {
        const out = JSON.stringify(await diagnose(planted.text, { rules }));
        expect(leakedIn(out, [planted])).toEqual([]);
      }),
      runs(500),
    );
  });

  it('planted in given facts', async () => {
    await fc.assert(
      fc.asyncProperty(plantedArb, fc.constantFrom('baseUrl', 'model', 'message', 'code', 'text'), async (p, name) => {
        const out = JSON.stringify(await diagnose({ text: 'HTTP 401', facts: { [name]: p.text } }, { rules }));
        expect(leakedIn(out, [p])).toEqual([]);
      }),
      runs(200),
    );
  });

  it('split by invisible characters (zero-width space, joiner, bidi override, BOM)', async () => {
    await fc.assert(
      fc.asyncProperty(
        plantedArb,
        fc.constantFrom('\u200b', '\u200d', '\u202e', '\ufeff', '\u2060', '\u0000'),
        fc.nat(),
        async (p, invisible, at) => {
          const i = p.text.indexOf(p.value) + 1 + (at % (p.value.length - 1));
          const out = JSON.stringify(await diagnose(p.text.slice(0, i) + invisible + p.text.slice(i), { rules }));
          expect(leakedIn(out, [p])).toEqual([]);
        },
      ),
      runs(200),
    );
  });
});

describe('each fact extractor never throws', () => {
  const extractors: [string, (text: string) => unknown][] = [
    ['boundText', (t) => boundText(t)],
    ['redact', (t) => redact(t)],
    ['findJsonBodies + readErrorBodies', (t) => readErrorBodies(findJsonBodies(t))],
    ['extractBaseUrl', extractBaseUrl],
    ['extractClient', extractClient],
    ['extractCode', (t) => extractCode(t, readErrorBodies(findJsonBodies(t)))],
    ['extractDocAnchor', extractDocAnchor],
    ['extractErrorType', extractErrorType],
    ['extractHeaders', extractHeaders],
    ['extractKeyKind', (t) => extractKeyKind(t, redact(t).findings)],
    ['extractKeyRegion', extractKeyRegion],
    ['extractLimits', extractLimits],
    ['extractMessage', (t) => extractMessage(t, readErrorBodies(findJsonBodies(t)))],
    ['extractModels', extractModels],
    ['extractModelLimits', (t) => extractModelLimits(t)],
    ['extractProvider', (t) => extractProvider(t, t.slice(0, 20), t.slice(-20))],
    ['extractRequestId', (t) => extractRequestId(t, readErrorBodies(findJsonBodies(t)))],
    ['extractStatus', (t) => extractStatus(t, readErrorBodies(findJsonBodies(t)))],
    ['extractFacts', (t) => extractFacts(t, [], {})],
  ];
  it.each(extractors)('%s', (_name, extract) => {
    fc.assert(
      fc.property(mixed, (text) => {
        extract(text);
      }),
      runs(120),
    );
    for (const text of deepAndHugeJson()) extract(text);
    cases += deepAndHugeJson().length;
  });
});
