// The real pastes the benchmark also runs on: ../shared/corpus/*.jsonl when the shared material sits beside the
// checkout, else the project's own copy in test/corpus/ (the same dev* files plus the formats set), so the bench
// never fails in a fresh clone. Which one was read is printed with the figures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchInput } from './inputs.js';

export interface CorpusPastes {
  /** The folder read, relative to the checkout. */
  source: string;
  inputs: BenchInput[];
}

function readFolder(dir: string): BenchInput[] {
  const out: BenchInput[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const item = JSON.parse(line) as { id?: unknown; text?: unknown };
      if (typeof item.text === 'string') out.push({ name: `${file} ${String(item.id)}`, text: item.text });
    }
  }
  return out;
}

/** The corpus pastes; `root` is the checkout. Throws only if neither folder holds a paste. */
export function loadCorpusPastes(root: string): CorpusPastes {
  for (const source of ['../shared/corpus', 'test/corpus']) {
    const dir = join(root, source);
    if (!existsSync(dir)) continue;
    const inputs = readFolder(dir);
    if (inputs.length) return { source, inputs };
  }
  throw new Error(`no corpus pastes in ${join(root, '../shared/corpus')} or ${join(root, 'test/corpus')}`);
}
