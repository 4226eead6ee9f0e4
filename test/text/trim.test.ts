import { describe, expect, it } from 'vitest';
import { trimQuotes, trimTrailingSlashes } from '../../src/text/trim.js';

describe('trimming the ends of user strings', () => {
  it.each([
    ['https://h/v1///', 'https://h/v1'],
    ['https://h/v1', 'https://h/v1'],
    ['///', ''],
    ['/a//b/', '/a//b'],
    ['', ''],
  ])('trimTrailingSlashes(%j) is %j', (s, want) => expect(trimTrailingSlashes(s)).toBe(want));

  it.each([
    [`"https://h"`, 'https://h'],
    [`'\`x\`'`, 'x'],
    [`"a"b"`, 'a"b'],
    [`""`, ''],
    ['plain', 'plain'],
  ])('trimQuotes(%j) is %j', (s, want) => expect(trimQuotes(s)).toBe(want));

  it('keeps a long run of slashes that is not at the end', () => {
    const s = `${'/'.repeat(200_000)}x/`;
    expect(trimTrailingSlashes(s)).toBe(s.slice(0, -1));
  });
});
