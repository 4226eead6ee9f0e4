// A token in the path of a base URL is not echoed: unknown paths keep only plain-word segments.
import { expect, it } from 'vitest';
import { extractBaseUrl } from '../../src/facts/base-url.js';
import { unknownShape } from '../adversarial/escaped-secrets.js';

it.each([
  (t: string) => `https://gateway.example.test/key/${t}/chat/completions`,
  (t: string) => `https://gateway.example.test/bot${t}/v1`,
  (t: string) => `https://gateway.example.test/${encodeURIComponent(t)}`,
])('keeps the host and plain segments, not the token (%#)', (url) => {
  const token = unknownShape(51).value;
  const facts = extractBaseUrl(`POST ${url(token)} -> 401`);
  expect(facts.host).toBe('gateway.example.test');
  expect(JSON.stringify(facts)).not.toContain(token.slice(3, 20));
});

it('keeps a documented path as it is', () => {
  expect(extractBaseUrl('https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions').baseUrl).toBe(
    'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
  );
});
