// Input generators for the fuzz suite: hostile unicode, binary, deep and huge JSON, size-limit edges,
// and worst-case strings for every regex we run.
import fc from 'fast-check';
import { recheckVerdict, regexVerdict } from '../../src/knowledge/regex-safety.js';
import { MAX_TEXT_CHARS } from '../../src/text/input.js';
import type { FoundRegex } from './regex-sources.js';

const SAMPLES = [
  '错误',
  '请求超时',
  '模型不存在',
  '😀',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  'مرحبا',
  'שלום',
  '\u202e',
  '\u200b',
  '\u0000',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\uffff',
  '\r\n',
  '\t',
  '\\',
  '"',
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '429',
  '400',
  'sk-',
  'Bearer ',
  'InvalidApiKey',
  'Throttling.RateQuota',
  'data: {',
  '```',
  '<',
  '>',
  '&',
  '%',
  'null',
  'true',
];

/** Any UTF-16 string: lone surrogates, NUL, control characters. */
export const anyUtf16 = fc.string({ unit: 'binary', maxLength: 400 });
export const loneSurrogates = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  maxLength: 100,
});
/** CJK, emoji (with joiners), RTL and bidi overrides, NUL, BOM, mixed with error-text fragments. */
export const hostileUnicode = fc
  .array(fc.oneof(fc.constantFrom(...SAMPLES), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 80 })
  .map((parts) => parts.join(''));
/** Bytes decoded the ways a bot might: UTF-8 (replacement characters) and Latin-1. */
export const binaryLooking = fc
  .tuple(fc.uint8Array({ maxLength: 2000 }), fc.boolean())
  .map(([bytes, utf8]) => Buffer.from(bytes).toString(utf8 ? 'utf8' : 'latin1'));
export const jsonText = fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v));
/** An error body with arbitrary fields, pretty or not, with text around it. */
export const errorBody = fc
  .record({
    code: fc.oneof(fc.string(), fc.constantFrom('InvalidApiKey', 'Throttling.RateQuota', 'invalid_request_error')),
    message: fc.string({ unit: 'grapheme', maxLength: 200 }),
    request_id: fc.uuid(),
    extra: fc.jsonValue({ maxDepth: 3 }),
    pretty: fc.boolean(),
    before: fc.string({ maxLength: 60 }),
  })
  .map(({ pretty, before, ...body }) => `${before}\n${JSON.stringify({ error: body }, null, pretty ? 2 : 0)}`);

/** Deeply nested and very large JSON, broken and whole. */
export function deepAndHugeJson(): string[] {
  const depth = (n: number, open: string, close: string) => open.repeat(n) + close.repeat(n);
  const big = JSON.stringify({
    error: {
      code: 'InvalidParameter',
      message: 'x'.repeat(200),
      items: Array.from({ length: 3000 }, (_, i) => ({ i })),
    },
  });
  return [
    depth(10_000, '[', ']'),
    depth(5_000, '{"error":', '}').replace(/}$/, '1}'),
    `${'{"a":'.repeat(20_000)}`,
    '['.repeat(100_000),
    big,
    big.slice(0, big.length / 2),
    `${'{"code":"x","message":"y"},'.repeat(5_000)}`,
    `data: ${'{'.repeat(30_000)}`,
  ];
}

/** Texts at, around and far over the size limit, each with a real error at the start and the end. */
export function sizeEdges(secret: string): string[] {
  const head = `Error code: 401 - {"error": {"code": "invalid_api_key", "message": "key ${secret}"}}\n`;
  const tail = `\nThrottling.RateQuota: Requests rate limit exceeded. key=${secret}`;
  const fill = (n: number, unit: string) => unit.repeat(Math.ceil(n / unit.length)).slice(0, Math.max(0, n));
  const out: string[] = [];
  for (const size of [
    MAX_TEXT_CHARS - 1,
    MAX_TEXT_CHARS,
    MAX_TEXT_CHARS + 1,
    MAX_TEXT_CHARS * 4 + 1,
    MAX_TEXT_CHARS * 10,
  ])
    for (const unit of ['a', 'word ', '错', '😀', `${secret}`, 'x-'])
      out.push(head + fill(size - head.length - tail.length, unit) + tail);
  // A secret straddling the middle cut, with no whitespace nearby.
  const half = 'z'.repeat(MAX_TEXT_CHARS / 2 - 10);
  out.push(`${half}=${secret}=${half}${half}`);
  return out;
}

/** Worst-case inputs: recheck's attack strings, and each pattern's literal runs pumped to the size limit. */
export function attackInputs(regexes: readonly FoundRegex[]): string[] {
  const out = new Set<string>();
  for (const r of regexes) {
    const verdict = r.where.endsWith('.yaml') ? regexVerdict(r.pattern, r.flags) : recheckVerdict(r.pattern, r.flags);
    if (verdict.attack) out.add(verdict.attack);
    const literal =
      r.pattern
        .replace(/\\[dDwWsSbB]|[\\^$.*+?()[\]{}|]/g, ' ')
        .trim()
        .split(/\s+/)[0] ?? '';
    if (literal.length >= 2) out.add(`${literal} `.repeat(Math.floor(MAX_TEXT_CHARS / (literal.length + 1))));
  }
  return [...out];
}
