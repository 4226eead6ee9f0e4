// Drain-style templates: what becomes a placeholder, when a paste joins a template, and that a cluster's id
// stays put while its template generalises.
import { describe, expect, it } from 'vitest';
import { bestMatch, clusterIdOf, mergeTemplate, tokenize } from '../../src/learning/templates.js';

describe('tokenize', () => {
  it('turns numbers, ids, hashes, URLs and quoted values into placeholders, keeping words and codes', () => {
    expect(
      tokenize(
        'Error 429 at https://dashscope.aliyuncs.com/api/v1/x?id=9 request 4f1c2a9e-1111-2222-3333-444455556666 ' +
          'hash deadbeefcafe1234 "code": "Throttling.User" "message": "Slow down now" mail ops@example.com',
      ),
    ).toEqual([
      'Error',
      '<*>',
      'at',
      '<*>',
      'request',
      '<*>',
      'hash',
      '<*>',
      '"code":',
      '"Throttling.User"',
      '"message":',
      '"<*>"',
      'mail',
      '<*>',
    ]);
  });

  it('keeps the punctuation and key around a digit-bearing value', () => {
    expect(tokenize('{"requestId":"abc-123",')).toEqual(['{"requestId":"<*>",']);
  });

  it('bounds the work on a huge paste', () => {
    expect(tokenize('word '.repeat(100_000)).length).toBe(80);
  });
});

describe('clustering', () => {
  it('joins a paste to the most similar template of its length, and leaves other families alone', () => {
    const a = tokenize('FrobError: shard 7f3a refused request r-1 after 30 ms');
    const b = tokenize('FrobError: shard 99 refused request r-2 after 12 ms');
    const other = tokenize('Totally different words in this line of ten here');
    expect(bestMatch([{ tokens: a }], b)).toBeDefined();
    expect(bestMatch([{ tokens: a }], other)).toBeUndefined();
    expect(bestMatch([{ tokens: a }], tokenize('FrobError: shard 7f3a refused'))).toBeUndefined();
  });

  it('generalises differing positions and keeps the founding id', () => {
    const first = tokenize('Gateway alpha rejected the call from tenant north');
    const second = tokenize('Gateway beta rejected the call from tenant south');
    const merged = mergeTemplate(first, second);
    expect(merged.join(' ')).toBe('Gateway <*> rejected the call from tenant <*>');
    const id = clusterIdOf(first);
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(clusterIdOf(tokenize('Gateway alpha rejected the call from tenant north'))).toBe(id);
    expect(clusterIdOf(second)).not.toBe(id);
  });

  it('does not let an all-placeholder template swallow every paste of its length', () => {
    const vague = ['<*>', '<*>', '<*>', '<*>'];
    expect(bestMatch([{ tokens: vague }], tokenize('some words right here'))).toBeUndefined();
  });
});
