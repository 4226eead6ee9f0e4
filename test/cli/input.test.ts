// CLI input: a long log keeps its head and its tail (the error is usually on the last line), and files written as
// UTF-16 (PowerShell's `>`) or GBK/GB18030 (a Chinese-locale Windows) are decoded instead of refused as binary.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { decodeBytes, detectEncoding } from '../../src/index.js';

const ERROR = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';
const tmp = mkdtempSync(join(tmpdir(), 'bd-input-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function diagnose(args: string[], stdin: Buffer[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['diagnose', '--json', ...args], {
    env: {},
    stdin: Readable.from(stdin),
    isTTY: false,
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
  });
  return { code, json: code < 2 ? JSON.parse(out.join('')) : undefined, err: err.join('') };
}

/** Log lines of noise, about `bytes` long in all. */
function noise(bytes: number): Buffer {
  const line = '2026-12-02T10:00:00Z INFO worker heartbeat ok queue=12 latency_ms=3\n';
  return Buffer.from(line.repeat(Math.ceil(bytes / line.length)));
}
/** `buf` in 64 KiB chunks, as a pipe delivers it. */
const chunks = (buf: Buffer) =>
  Array.from({ length: Math.ceil(buf.length / 65536) }, (_, i) => buf.subarray(i * 65536, (i + 1) * 65536));

describe('long input', () => {
  it('a 2 MB log with the error on its last line is diagnosed, with a note on what was left out', async () => {
    const log = Buffer.concat([noise(2 * 1024 * 1024), Buffer.from(`${ERROR}\n`)]);
    const r = await diagnose([], chunks(log));
    expect(r.code).toBe(0);
    expect(r.json.diagnoses[0].id).toBe('auth.invalid-api-key');
    expect(r.err).toMatch(/first and last \d+ bytes were read, the middle left out/);
  });

  it('the same error on the first line of that log is still found', async () => {
    const log = Buffer.concat([Buffer.from(`${ERROR}\n`), noise(2 * 1024 * 1024)]);
    expect((await diagnose([], chunks(log))).json.diagnoses[0].id).toBe('auth.invalid-api-key');
  });

  it('from a file too, and input under the bound is read whole without a note', async () => {
    const file = join(tmp, 'big.log');
    writeFileSync(file, Buffer.concat([noise(MAX_INPUT_BYTES * 3), Buffer.from(ERROR)]));
    expect((await diagnose(['--file', file])).json.diagnoses[0].id).toBe('auth.invalid-api-key');
    const small = await diagnose([], [Buffer.from(`${ERROR}\n`)]);
    expect(small.err).toBe('');
  });
});

describe('encodings', () => {
  const chinese = `调用通义千问接口失败，错误信息如下：\n${ERROR}\n请检查密钥。\n`;
  const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

  it.each([
    [
      'UTF-16 LE with a BOM (PowerShell >)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chinese, 'utf16le')]),
    ],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(chinese)])],
    ['UTF-16 LE without a BOM', Buffer.from(chinese, 'utf16le')],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chinese)])],
    ['GB18030 / GBK', gbk(chinese)],
  ])('%s is decoded and diagnosed, from a file and from stdin', async (_name, bytes) => {
    const file = join(tmp, `${_name.replace(/\W+/g, '-')}.txt`);
    writeFileSync(file, bytes);
    for (const r of [await diagnose(['--file', file]), await diagnose([], [bytes])]) {
      expect(r.code).toBe(0);
      expect(r.json.diagnoses[0].id).toBe('auth.invalid-api-key');
    }
    expect(decodeBytes(bytes).text.replace(/^\uFEFF/, '')).toBe(chinese);
  });

  it('a long UTF-16 log keeps its tail decoded, whatever the parity of the cut', async () => {
    for (const pad of ['', 'x']) {
      const text = `${pad}${noise(MAX_INPUT_BYTES).toString()}${ERROR}\n`;
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const r = await diagnose([], chunks(bytes));
      expect(r.json.diagnoses[0]?.id, `pad ${JSON.stringify(pad)}`).toBe('auth.invalid-api-key');
    }
  });

  it('binary data is still refused, and the message gives the iconv command', async () => {
    const file = join(tmp, 'blob.bin');
    writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const r = await diagnose(['--file', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`iconv -f GB18030 -t UTF-8 ${file}`);
  });

  it('random bytes are never taken for GB18030', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 16;
    };
    for (let n = 0; n < 200; n++) {
      const bytes = Buffer.from(Array.from({ length: 64 + (n % 512) }, () => next() % 256));
      expect(detectEncoding(bytes).encoding).not.toBe('gb18030');
    }
  });
});

/** GB18030 bytes of `s`: Node has no GBK encoder, so map each character through a decoder over the 2-byte range. */
function gbk(s: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(decoder.decode(Uint8Array.of(a, b)), [a, b]);
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}
