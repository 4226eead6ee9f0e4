// The literals of the fact extractors' regexes, kept between processes: every start derives them for ~150 regexes
// as the extractor modules load (scan/regex-literals.ts), which is start-up time for the CLI. Stored in the cache
// folder the rule cache uses, keyed by the derivation's own code; anything unexpected means "derive afresh", and
// a read-only install derives every time. Written once, when the process ends, only if something new was derived.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCacheDir } from '../cache-dir.js';
import { configuredCacheDir } from '../config/rules.js';
import { requiredLiterals } from '../scan/regex-literals.js';

const FORMAT = 'bailian-doctor/regex-literals/v1';
const HERE = dirname(fileURLToPath(import.meta.url));
/** Built `.js` and source `.ts` alike, so tests run from source notice an edit of the derivation. */
const CODE_FILES = ['../scan/regex-literals.js', '../scan/regex-literals.ts'].map((f) => resolve(HERE, f));

type Entry = string[] | null;
let known: Map<string, Entry> | undefined;
let file: string | undefined;
let key = '';
let added = false;

function codeKey(): string {
  return [
    FORMAT,
    ...CODE_FILES.map((f) => {
      try {
        const s = statSync(f);
        return `${f}\0${s.size}\0${s.mtimeMs}`;
      } catch {
        return `${f}\0missing`;
      }
    }),
  ].join('\n');
}

function open(): Map<string, Entry> {
  known = new Map();
  key = codeKey();
  file = join(configuredCacheDir() ?? defaultCacheDir(), 'regex-literals.json');
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; entries?: unknown };
    if (data.key === key && Array.isArray(data.entries))
      for (const e of data.entries as unknown[]) {
        if (!Array.isArray(e) || typeof e[0] !== 'string') continue;
        const lits = e[1];
        if (lits === null || (Array.isArray(lits) && lits.every((l) => typeof l === 'string')))
          known.set(e[0], lits as Entry);
      }
  } catch {
    // No cache yet, or one we cannot read: derive.
  }
  process.once('exit', save);
  return known;
}

function save(): void {
  if (!added || !known || !file) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, entries: [...known] }));
    renameSync(tmp, file);
  } catch {
    // A read-only install: derived again next time.
  }
}

/** requiredLiterals(source), from the cache when this code derived it before. */
export function cachedRequiredLiterals(source: string): string[] | undefined {
  const map = known ?? open();
  const hit = map.get(source);
  if (hit !== undefined) return hit ?? undefined;
  const lits = requiredLiterals(source);
  map.set(source, lits ?? null);
  added = true;
  return lits;
}
