// A JSON answer written straight to UTF-8 bytes. The answers are mostly rule texts, and those hold characters
// past Latin-1 (— …, Chinese), so a JS string of the answer is two-byte: sending it, Node measured its UTF-8 length
// and encoded it again, every request — on the typical 6.4 KB answer that cost more than writing the JSON did
// (bench: the same answer sent as a Buffer served 1.4x the requests per second of it sent as a string). Here the
// fixed texts are encoded once (JsonFragments) and copied in; what varies per answer is gathered as a string and
// encoded in one call between two fragments.

/** Room for the usual answer; it grows for a larger one and shrinks back after it. */
const START_BYTES = 64 * 1024;
const KEEP_BYTES = 1024 * 1024;
/** Runs of text up to this long are copied by hand when they are ASCII (see flush). */
const SHORT_RUN = 32;

export class JsonBytes {
  private buf = Buffer.allocUnsafe(START_BYTES);
  private at = 0;
  private pending = '';

  /** Start an answer afresh (whatever an answer that threw left behind). */
  reset(): void {
    this.at = 0;
    this.pending = '';
  }

  /** Append JSON text. */
  text(s: string): void {
    this.pending += s;
  }

  /** Append JSON already encoded as UTF-8. */
  bytes(b: Uint8Array): void {
    this.flush();
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** The answer's bytes, in a Buffer of their own; the writer is ready for the next answer. */
  finish(): Buffer {
    this.flush();
    const out = Buffer.allocUnsafe(this.at);
    this.buf.copy(out, 0, 0, this.at);
    this.at = 0;
    if (this.buf.length > KEEP_BYTES) this.buf = Buffer.allocUnsafe(START_BYTES);
    return out;
  }

  private flush(): void {
    const s = this.pending;
    if (!s) return;
    this.pending = '';
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4), so this room is enough
    // and write() never stops short.
    this.room(s.length * 3);
    // Most runs between two fragments are a few characters of ASCII punctuation and keys (`,"run":`), where the
    // call into write() costs more than copying them one by one.
    if (s.length <= SHORT_RUN) {
      const { buf } = this;
      let at = this.at;
      let i = 0;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[at++] = c;
      }
      if (i === s.length) {
        this.at = at;
        return;
      }
    }
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }
}

/**
 * JSON.stringify(s) as UTF-8, kept per distinct string: for a fixed set of long texts (a knowledge base's rule
 * texts), each is escaped and encoded once. Bounded: past `maxEntries` it starts afresh.
 */
export class JsonFragments {
  private readonly kept = new Map<string, Buffer>();

  constructor(
    private readonly maxEntries: number,
    /** Shorter strings are as cheap to write as to look up, and would only churn the memo. */
    private readonly minLength: number,
  ) {}

  /** Append `s` as a JSON string to `w`. */
  write(w: JsonBytes, s: string): void {
    if (s.length < this.minLength) {
      w.text(JSON.stringify(s));
      return;
    }
    let b = this.kept.get(s);
    if (b === undefined) {
      b = Buffer.from(JSON.stringify(s), 'utf8');
      if (this.kept.size >= this.maxEntries) this.kept.clear();
      this.kept.set(s, b);
    }
    w.bytes(b);
  }
}
