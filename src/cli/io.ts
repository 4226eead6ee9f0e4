// Reading input for the CLI: a file or stdin, bounded, decoded (UTF-8, UTF-16, GB18030), refusing binary data.
// A long log keeps its head and its tail: the error that stopped a job is on its last lines.

import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { UsageError } from '../errors.js';
import { decodeAs, detectEncoding, iconvHint, looksBinary } from '../index.js';

/** Bytes kept from a file or stdin: the first and the last half of this; the middle of a longer input is dropped. */
export const MAX_INPUT_BYTES = 1024 * 1024;
const HALF = MAX_INPUT_BYTES / 2;
/** How far into the tail the first line break may be for the tail to start on a whole line. */
const LINE_SLACK = 4096;

interface ReadBytes {
  head: Buffer;
  /** The last HALF bytes when the input was longer than MAX_INPUT_BYTES, else undefined. */
  tail?: Buffer;
  total: number;
}

/** Read all of `stream`, holding at most MAX_INPUT_BYTES: the head, and a rolling window of the tail. */
async function readHeadAndTail(stream: Readable): Promise<ReadBytes> {
  const head: Buffer[] = [];
  let headBytes = 0;
  const tail: Buffer[] = [];
  let tailBytes = 0;
  let total = 0;
  for await (const chunk of stream) {
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buf.length;
    if (headBytes < MAX_INPUT_BYTES) {
      const take = Math.min(buf.length, MAX_INPUT_BYTES - headBytes);
      head.push(buf.subarray(0, take));
      headBytes += take;
      buf = buf.subarray(take);
    }
    if (!buf.length) continue;
    tail.push(buf);
    tailBytes += buf.length;
    // Drop whole chunks that are older than the window.
    while (tail.length > 1 && tailBytes - tail[0]!.length >= HALF) tailBytes -= tail.shift()!.length;
  }
  const all = Buffer.concat(head);
  if (total <= MAX_INPUT_BYTES) return { head: all, total };
  // Over the bound: the head is the first HALF, the tail the last HALF of everything read.
  const rest = Buffer.concat([all.subarray(HALF), ...tail]);
  return { head: all.subarray(0, HALF), tail: rest.subarray(rest.length - HALF), total };
}

function decode(read: ReadBytes): { text: string; encoding: string } {
  const { encoding, bom } = detectEncoding(read.head);
  const head = decodeAs(encoding, read.head.subarray(bom));
  if (!read.tail) return { text: head, encoding };
  // UTF-16 code units start on even offsets (after a 2-byte BOM too): keep the tail aligned with them.
  const misaligned = encoding.startsWith('utf-16') && (read.total - read.tail.length) % 2 === 1;
  let tail = decodeAs(encoding, misaligned ? read.tail.subarray(1) : read.tail);
  // The cut may split a character or a line: start the tail on its first whole line.
  const nl = tail.indexOf('\n');
  if (nl >= 0 && nl < LINE_SLACK) tail = tail.slice(nl + 1);
  const omitted = read.total - read.head.length - read.tail.length;
  // The head may end inside a character too: a replacement character there is that half, not data.
  return {
    text: `${head.replace(/\uFFFD$/, '')}\n[… ${omitted} bytes of input omitted …]\n${tail}`,
    encoding,
  };
}

export async function readInput(
  file: string | undefined,
  stdin: Readable,
  stderr: (s: string) => void,
): Promise<string> {
  if (file) {
    // Loaded here: a pasted TEXT reads no file, and loading node:fs/promises costs its start ~1 ms.
    const { stat } = await import('node:fs/promises');
    const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read --file ${file}: ${err.code ?? err.message}`);
    });
    if (info.isDirectory()) throw new UsageError(`--file ${file} is a directory; give a text file`);
  }
  const read = await readHeadAndTail(file ? createReadStream(file) : stdin);
  const { text } = decode(read);
  if (looksBinary(text))
    throw new UsageError(
      `${file ?? 'stdin'} looks like binary data, not a pasted error; give text (UTF-8, UTF-16 with a BOM, or GB18030). ` +
        `A text file in another encoding can be converted first: ${iconvHint(file ?? 'input.txt')}`,
    );
  if (read.tail)
    stderr(
      `note: input is ${read.total} bytes, over ${MAX_INPUT_BYTES}; its first and last ${HALF} bytes were read, the middle left out\n`,
    );
  return text;
}
