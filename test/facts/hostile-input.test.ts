// Long runs of one token at the size bound, the shape that turns a careless regex quadratic. Each must finish
// (a quadratic pattern runs into the test timeout on 32 KB) and give a well-formed answer.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { MAX_TEXT_CHARS } from '../../src/text/input.js';

const TOKENS = [
  'a.b.c.d.',
  'A.',
  '.com',
  'sk-',
  'qwen-',
  'X-DashScope-',
  "{'",
  '{"a":',
  'http://',
  'https://x.',
  'code: ',
  'Error code: ',
  '<400> ',
  'InternalError.',
  'Throttling.',
  '[1, ',
  'data: ',
  'error-code#',
  'Bearer ',
  ' at a.b(C.java:1)\n',
  'request_id=',
  '阿里',
  'LTAI',
  'api_key=',
  '-',
  '4',
  'a:',
  '\\',
  '"',
];

describe('hostile repetitions at the size bound', () => {
  it.each(TOKENS)(
    '%j',
    async (token) => {
      const text = token.repeat(Math.ceil(MAX_TEXT_CHARS / token.length)).slice(0, MAX_TEXT_CHARS);
      const result = await diagnose(text);
      expect(typeof result.matched).toBe('boolean');
      expect(Array.isArray(result.diagnoses)).toBe(true);
    },
    5_000,
  );
});
