import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/engine/rule-set.js';
import type { Condition } from '../../src/knowledge/rule.js';
import { LiteralScanner } from '../../src/scan/aho-corasick.js';
import { mandatoryLiterals, requiredLiterals, topLevelAlternatives } from '../../src/scan/regex-literals.js';

describe('requiredLiterals', () => {
  it.each([
    ['Requests rate limit exceeded', ['requests rate limit exceeded']],
    ['RPM exceeded|TPM exceeded', ['rpm exceeded', 'tpm exceeded']],
    ['invalid api-key(?! provided)', ['invalid api-key']],
    ['^list index out of range$', ['list index out of range']],
    ['\\blimit_requests\\b', ['limit_requests']],
    ['You have exceeded your (?:current )?request limit', ['you have exceeded your ']],
    ['keys? (?:are|is) region', [' region']],
    ['Access denied\\.?', ['access denied']],
    ['ab+cdef', ['cdef']],
    ['a{2}bcd', ['bcd']],
    ['x{bc}', ['x{bc}']],
    ['Payload Too Large|\\b413\\b', ['payload too large', '413']],
    ['\\x41\\u0042C', ['abc']],
    ['请求超时|超时', ['请求超时', '超时']],
    ['file [id:file-fe-[\\w-]*\\] exceeds', ['] exceeds']],
    ['(?:temperature|top_p|seed)\\b.{0,40}(?:out of range|must be)', ['out of range', 'must be']],
    ['(?:思考|thinking).{0,20}x', ['思考', 'thinking']],
    ['(?<word>quota|limit)s? x', ['quota', 'limit']],
    ['(?:ab|cd)+xyz', ['xyz']],
  ])('%s -> %j', (pattern, expected) => {
    expect(requiredLiterals(pattern)).toEqual(expected);
  });

  it.each([
    'a|bcdef', // one alternative has no literal of useful weight
    '\\d+ errors?|(?:x|y)',
    '.*',
    '[A-Z]{3,}',
    '(fo|bar)',
    '(?:quota|limit)?x',
    '(?=quota)\\w+',
    'σφάλμα', // cased non-ASCII letters are never used as literals
  ])('%s has no required literal', (pattern) => {
    expect(requiredLiterals(pattern)).toBeUndefined();
  });

  it('splits only at top-level bars', () => {
    expect(topLevelAlternatives('a(b|c)[|]d|e\\|f')).toEqual(['a(b|c)[|]d', 'e\\|f']);
    expect(mandatoryLiterals('abc\\d+defg')).toEqual(['defg']);
  });
});

function regexLeaves(c: Condition, out: { pattern: string; flags: string }[] = []) {
  if ('all' in c) for (const s of c.all) regexLeaves(s, out);
  else if ('any' in c) for (const s of c.any) regexLeaves(s, out);
  else if ('not' in c) regexLeaves(c.not, out);
  else if ((c.operator === 'matches' || c.operator === 'matchesCase') && typeof c.value === 'string')
    out.push({ pattern: c.value, flags: c.operator === 'matches' ? 'i' : '' });
  return out;
}

describe('soundness: a regex that matches a text implies one of its literals is found in it', () => {
  const rules = loadRules();
  const leaves = rules.rules.flatMap((r) => regexLeaves(r.when));
  const texts = rules.rules.flatMap((r) => [...r.examples.match, ...r.examples.not].map((e) => e.text));
  const literalSeen = (literals: string[], text: string) => {
    const found = new Set<number>();
    new LiteralScanner(literals).scan(text, (id) => found.add(id));
    return found.size > 0;
  };

  it('holds for every rule regex on every rule example, as written and upper-cased', () => {
    let checked = 0;
    for (const { pattern, flags } of leaves) {
      const literals = requiredLiterals(pattern);
      if (!literals) continue;
      const re = new RegExp(pattern, flags);
      for (const text of texts)
        for (const t of [text, text.toUpperCase()]) {
          if (!re.test(t)) continue;
          checked++;
          expect(literalSeen(literals, t), `${pattern} on ${t}`).toBe(true);
        }
    }
    expect(checked).toBeGreaterThan(rules.rules.length);
  });

  it('holds on random texts around each regex literal', () => {
    const indexed = leaves.filter((l) => requiredLiterals(l.pattern));
    fc.assert(
      fc.property(fc.constantFrom(...indexed), fc.string(), fc.string(), (leaf, pre, post) => {
        const literals = requiredLiterals(leaf.pattern) as string[];
        const re = new RegExp(leaf.pattern, leaf.flags);
        const text = `${pre}${texts.find((t) => re.test(t)) ?? ''}${post}`;
        if (re.test(text)) expect(literalSeen(literals, text)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('LiteralScanner', () => {
  it('finds overlapping and nested literals in one pass, folding ASCII case', () => {
    const found: number[] = [];
    new LiteralScanner(['he', 'she', 'his', 'hers', '超时']).scan('USHERS 请求超时', (id) => found.push(id));
    expect(new Set(found)).toEqual(new Set([0, 1, 3, 4]));
  });

  it('finds exactly the literals a brute-force search finds', () => {
    const alphabet = fc.constantFrom(...'abAB超时 c');
    const str = (min: number) => fc.array(alphabet, { minLength: min, maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(
          str(1).map((s) => s.toLowerCase()),
          { maxLength: 12 },
        ),
        str(0),
        (literals, text) => {
          const found = new Set<number>();
          new LiteralScanner(literals).scan(text, (id) => found.add(id));
          const expected = literals.flatMap((l, i) => (text.toLowerCase().includes(l) ? [i] : []));
          expect([...found].sort((a, b) => a - b)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds nothing when nothing is there', () => {
    const found: number[] = [];
    new LiteralScanner(['abc']).scan('ab ac bc', (id) => found.push(id));
    expect(found).toEqual([]);
  });
});
