// A text/plain paste in UTF-16 (PowerShell's `>`) or GBK is decoded like the CLI's input, and a declared charset wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_KEY_TEXT, readJson, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const chinese = `调用接口失败：\n${INVALID_KEY_TEXT}\n`;
/** GBK bytes of `s`, from a decoder table over the two-byte range (Node has no GBK encoder). */
function gbk(s: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(decoder.decode(Uint8Array.of(a, b)), [a, b]);
  return Buffer.from([...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

const post = (body: Buffer, contentType = 'text/plain') =>
  fetch(`${server.base}/v1/diagnose?echo=true`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('text/plain encodings', () => {
  it.each([
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chinese, 'utf16le')]), undefined],
    ['GBK, no charset', gbk(chinese), undefined],
    ['GBK labelled charset=gbk', gbk(chinese), 'text/plain; charset=gbk'],
    ['UTF-16 LE labelled charset=utf-16le, no BOM', Buffer.from(chinese, 'utf16le'), 'text/plain; charset=utf-16le'],
    ['UTF-8', Buffer.from(chinese), 'text/plain; charset=utf-8'],
  ])('%s is decoded and diagnosed', async (_name, body, contentType) => {
    const res = await post(body, contentType);
    expect(res.status).toBe(200);
    const answer = await readJson(res);
    expect(answer.diagnoses[0].id).toBe('auth.invalid-api-key');
    expect(answer.facts.text).toContain('调用接口失败');
  });
});
