// splitMarkdown: pieces within the limit, code blocks closed and reopened, nothing lost.
import { describe, expect, it } from 'vitest';
import { splitMarkdown } from '../../src/render/discord/split.js';

const FENCE = '```';
/** Rejoin pieces, removing the fences the splitter added at the seams. */
function rejoin(pieces: string[]): string {
  return pieces
    .map((p, i) => {
      let s = p;
      if (i > 0 && pieces[i - 1]!.endsWith(`\n${FENCE}`) && s.startsWith(FENCE)) s = s.slice(s.indexOf('\n') + 1);
      if (i < pieces.length - 1 && s.endsWith(`\n${FENCE}`) && pieces[i + 1]!.startsWith(FENCE)) s = s.slice(0, -4);
      return s;
    })
    .join('\n');
}

describe('splitMarkdown', () => {
  const code = `${FENCE}sh\n${Array.from({ length: 50 }, (_, n) => `echo line-${n}`).join('\n')}\n${FENCE}`;
  const cases: Array<[string, string, number]> = [
    ['short text', 'hello', 100],
    ['prose', Array.from({ length: 40 }, (_, n) => `sentence number ${n}`).join('\n'), 120],
    ['one long code block', code, 150],
    ['prose around code', `intro\n${code}\noutro`, 200],
  ];
  it.each(cases)('%s', (_name, text, max) => {
    const pieces = splitMarkdown(text, max);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(max);
      expect(p.split('\n').filter((l) => l.startsWith(FENCE)).length % 2).toBe(0);
    }
    if (text.length <= max) expect(pieces).toEqual([text]);
    else expect(pieces.length).toBeGreaterThan(1);
  });

  it('reopens a split block with its language', () => {
    const pieces = splitMarkdown(code, 150);
    for (const p of pieces) expect(p.startsWith(`${FENCE}sh\n`)).toBe(true);
  });

  it('cuts a single line longer than the limit', () => {
    const pieces = splitMarkdown(`a\n${'x'.repeat(1000)}\nb`, 100);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(100);
    expect(pieces.join('').replaceAll('\n', '')).toBe(`a${'x'.repeat(1000)}b`);
  });

  it('loses no prose line', () => {
    const text = Array.from({ length: 40 }, (_, n) => `sentence number ${n}`).join('\n');
    expect(rejoin(splitMarkdown(text, 120))).toBe(text);
    expect(rejoin(splitMarkdown(code, 150))).toBe(code);
  });
});
