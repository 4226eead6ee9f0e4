// The byte writer the JSON answers are written with: what it gives back is exactly the UTF-8 of the text put in,
// whatever the mix of text and pre-encoded fragments, the characters (two-byte, astral, lone surrogates escaped
// by JSON.stringify), or the size (past the room it starts with, and after an answer larger than it keeps).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonBytes, JsonFragments } from '../../src/http/json-bytes.js';

const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  // Latin-1 past ASCII (one byte in a JS string, two in UTF-8), short runs of ASCII, and pieces past every bound.
  fc.constantFrom('—', '…', '请求被拒绝', '😀', 'é', 'naïve ÿ', ',"run":', 'x'.repeat(70_000)),
);

describe('JsonBytes', () => {
  it('gives the UTF-8 of everything appended, in order, for any mix of text and bytes', () => {
    const w = new JsonBytes();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), piece), { maxLength: 30 }), (parts) => {
        w.reset();
        let expected = '';
        for (const [asBytes, s] of parts) {
          expected += s;
          if (asBytes) w.bytes(Buffer.from(s, 'utf8'));
          else w.text(s);
        }
        expect(w.finish().equals(Buffer.from(expected, 'utf8'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a short run that is not ASCII as UTF-8', () => {
    const w = new JsonBytes();
    for (const s of ['é', '"ÿ"', 'ascii then é', '\u0080', '😀']) {
      w.text(s);
      expect(w.finish().equals(Buffer.from(s, 'utf8'))).toBe(true);
    }
  });

  it('hands each answer a buffer of its own, and starts clean after an answer that was left half written', () => {
    const w = new JsonBytes();
    w.text('{"a":1}');
    const first = w.finish();
    w.text('{"half":');
    w.reset();
    w.text('{"b":2}');
    const second = w.finish();
    expect(first.toString()).toBe('{"a":1}');
    expect(second.toString()).toBe('{"b":2}');
    // An answer far larger than the room kept (1 MB) is whole, and the next small one is unaffected.
    const big = `"${'日本'.repeat(600_000)}"`;
    w.text(big);
    expect(w.finish().toString()).toBe(big);
    w.text('[]');
    expect(w.finish().toString()).toBe('[]');
  });
});

describe('JsonFragments', () => {
  it('writes JSON.stringify of every string, long ones from the memo, past the bound of the memo', () => {
    const fragments = new JsonFragments(3, 10);
    const w = new JsonBytes();
    const texts = [
      'short',
      'a "quoted" text — long enough',
      'line\nbreak and \\ slash ok',
      '\ud800 lone',
      '😀 emoji text',
    ];
    for (let round = 0; round < 3; round++)
      for (const s of texts) {
        w.reset();
        fragments.write(w, s);
        expect(w.finish().toString('utf8')).toBe(JSON.stringify(s));
      }
  });
});
