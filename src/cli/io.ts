// Reading input for the CLI: a file or stdin, bounded, refusing binary data.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { UsageError } from '../errors.js';
import { looksBinary } from '../index.js';

/** Bytes read from a file or stdin; more is dropped with a notice (diagnosis keeps 32 KiB of text anyway). */
const MAX_INPUT_BYTES = 1024 * 1024;

async function readBounded(stream: Readable): Promise<{ text: string; trimmed: boolean }> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    const take = Math.min(buf.length, MAX_INPUT_BYTES - total);
    chunks.push(buf.subarray(0, take));
    total += take;
    if (total >= MAX_INPUT_BYTES) {
      stream.destroy();
      return { text: Buffer.concat(chunks).toString('utf8'), trimmed: true };
    }
  }
  return { text: Buffer.concat(chunks).toString('utf8'), trimmed: false };
}

export async function readInput(
  file: string | undefined,
  stdin: Readable,
  stderr: (s: string) => void,
): Promise<string> {
  if (file) {
    const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read --file ${file}: ${err.code ?? err.message}`);
    });
    if (info.isDirectory()) throw new UsageError(`--file ${file} is a directory; give a text file`);
  }
  const { text, trimmed } = await readBounded(file ? createReadStream(file) : stdin);
  if (looksBinary(text))
    throw new UsageError(`${file ?? 'stdin'} looks like binary data, not a pasted error; give text`);
  if (trimmed) stderr(`note: input is over ${MAX_INPUT_BYTES} bytes; only the first ${MAX_INPUT_BYTES} were read\n`);
  return text;
}
