// Answers kept in memory so buttons ("Other possible causes", "Share in channel") can act on them later.
// Results are already redacted by diagnose(); nothing here holds a secret.

import { randomUUID } from 'node:crypto';
import type { DiagnoseResult } from '../index.js';

export const ANSWER_TTL_MS = 24 * 60 * 60 * 1000;
export const ANSWERS_MAX = 1000;

export class AnswerStore {
  private readonly answers = new Map<string, { result: DiagnoseResult; at: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  put(result: DiagnoseResult): string {
    const id = randomUUID();
    this.answers.set(id, { result, at: this.now() });
    for (const key of this.answers.keys()) {
      if (this.answers.size <= ANSWERS_MAX) break;
      this.answers.delete(key);
    }
    return id;
  }

  get(id: string | undefined): DiagnoseResult | undefined {
    const hit = id === undefined ? undefined : this.answers.get(id);
    if (!hit || this.now() - hit.at > ANSWER_TTL_MS) return undefined;
    return hit.result;
  }
}
