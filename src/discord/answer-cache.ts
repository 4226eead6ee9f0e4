// Remembers the other candidate diagnoses behind an "Other possible causes" button for a while.
// Only rendered, redacted diagnoses are kept — never the pasted text.

import { randomBytes } from 'node:crypto';
import type { Diagnosis } from '../index.js';

interface Entry {
  diagnoses: Diagnosis[];
  expires: number;
}

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly size: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  put(diagnoses: Diagnosis[]): string {
    const key = randomBytes(9).toString('base64url');
    this.entries.set(key, { diagnoses, expires: this.now() + this.ttlMs });
    // Map keeps insertion order: the first key is the oldest.
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return key;
  }

  get(key: string): Diagnosis[] | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.diagnoses;
  }
}
