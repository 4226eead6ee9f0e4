// lookbehind-last: the look-behinds split off and checked where the rest matched find exactly the matches of the
// whole regex, on texts made to sit right against the look-behinds' edges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execFrom, lookbehindLast, nextFrom } from '../../src/facts/lookbehind-last.js';

function matchesOf(re: RegExp, text: string): [number, string, string | undefined][] {
  const split = lookbehindLast(re);
  const out: [number, string, string | undefined][] = [];
  for (let m = execFrom(split, text, 0); m; m = execFrom(split, text, nextFrom(m))) out.push([m.index, m[0], m[1]]);
  return out;
}

const FORMS = [
  /(?<![\w.])(?<!exit )(?:status|code)\s*[:=]?\s*(\d{3})/gi,
  /(?<![A-Za-z])(?:error|key)\s?\((\d)\)/gi,
  /(?<=x)(a*)/g, // matches empty: the search steps one position further, as matchAll does
];
const PIECES = [
  'status',
  'STATUS',
  'code',
  'exit ',
  'EXIT ',
  '.',
  '_',
  'x',
  'a',
  ' ',
  ':',
  '=',
  '429',
  '(4)',
  'error',
  'Key',
];

describe('lookbehindLast', () => {
  it.each(FORMS.map((re) => [re.source, re]))('finds what matchAll finds for %s', (_, re) => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const expected = [...text.matchAll(re)].map((m) => [m.index, m[0], m[1]]);
        expect(matchesOf(re, text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a regex it cannot split soundly', () => {
    expect(() => lookbehindLast(/status/)).toThrow(); // no look-behind
    expect(() => lookbehindLast(/(?<!x)a|b/)).toThrow(); // the second branch has none
    expect(() => lookbehindLast(/(?<!x)a/u)).toThrow(); // positions are code points
  });
});
