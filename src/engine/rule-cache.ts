// A cache of the validated rule set (and its derived index requirements), so a CLI start does not re-parse and
// re-validate every YAML file (and re-check every regex) when nothing changed. Keyed by every file under the rule
// folders (path, size, mtime, ctime), the loader's own code files, the working directory (rule `file` fields are
// relative to it) and the folders named. Anything unexpected — unreadable, corrupt, foreign — means "load
// afresh"; a failed load is never cached, so a broken set always reports its problems.
// No hashing library: the key is kept whole in the cache file and compared whole, and the file names and the
// scanner's stamp use a small digest of its own — node:crypto alone costs a CLI start ~3 ms to load.

import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledRulesDir } from '../knowledge/load.js';
import type { Rule } from '../knowledge/rule.js';
import type { ScannerData } from '../scan/aho-corasick.js';
import type { Requirement } from './index/requirements.js';

export interface CachedRuleSet {
  rules: Rule[];
  requirements: Requirement[];
  /** The candidate index's built literal scanner (absent: built afresh). */
  scanner?: ScannerData;
}

const FORMAT = 'bailian-doctor/rule-cache/v3';
/** Cache files kept per cache folder: one per (working directory, rule folders); tests make many short-lived ones. */
const KEEP_FILES = 8;
const HERE = dirname(fileURLToPath(import.meta.url));
/**
 * Code whose change must invalidate cached sets: loading, validation and its vocabularies, operators, regex
 * safety, the index. Both the built `.js` and the source `.ts` are watched, so tests run from source notice edits.
 */
const CODE_FILES = [
  '../knowledge/load',
  '../knowledge/validate',
  '../knowledge/operators',
  '../knowledge/regex-safety',
  '../knowledge/rule',
  '../knowledge/snippets',
  '../types',
  '../text/input',
  './compile',
  '../scan/regex-literals',
  './index/requirements',
  './index/candidate-index',
  '../scan/aho-corasick',
  './rule-cache',
].flatMap((f) => [resolve(HERE, `${f}.js`), resolve(HERE, `${f}.ts`)]);

function statLine(path: string): string {
  try {
    // Half the code files are always missing (the .ts beside the built .js, or the reverse): no error for those.
    const s = statSync(path, { throwIfNoEntry: false });
    return s ? `${path}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}` : `${path}\0missing`;
  } catch {
    return `${path}\0missing`;
  }
}

/**
 * Every entry under `dir` (not only YAML: a superset can only invalidate more often), except the dot- and
 * underscore-entries the loader skips too (but `_snippets`, which rules include) — so a rule folder inside a git
 * checkout does not walk `.git`.
 */
function walk(dir: string, out: string[]): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    out.push(`${dir}\0unreadable`);
    return;
  }
  // `_snippets` holds the blocks rules include, so its files key the cache too.
  const seen = entries.filter((e) => !e.name.startsWith('.') && (!e.name.startsWith('_') || e.name === '_snippets'));
  out.push(`${dir}\0dir\0${seen.length}`);
  for (const e of seen.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else out.push(statLine(full));
  }
}

/** The cache key: one line per thing whose change must invalidate the set (some kB of text, compared whole). */
export function fingerprint(dirs: readonly string[]): string {
  const lines = [FORMAT, process.cwd(), ...dirs, ...CODE_FILES.map(statLine)];
  for (const d of dirs) walk(resolve(d), lines);
  // Every set may include the bundled snippets, named in `dirs` or not.
  walk(join(bundledRulesDir(), '_snippets'), lines);
  return lines.join('\n');
}

/**
 * 64 bits of `text` as 16 hex digits: two 32-bit FNV-1a lanes with different primes. Not cryptographic, and it
 * need not be: it only names cache files (two folders sharing a name just take turns, each key compared whole)
 * and stamps the scanner file with its key's digest (taking a stale one would need a collision and equal sizes).
 */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

const fileFor = (cacheDir: string, dirs: readonly string[]) =>
  join(cacheDir, `rules-${digest(`${process.cwd()}\0${dirs.join('\0')}`)}.json`);

const scanFileFor = (cacheDir: string, dirs: readonly string[]) => fileFor(cacheDir, dirs).replace(/\.json$/, '.scan');

/** JSON keeps every value a validated rule can hold, except non-finite numbers: such sets are not cached. */
function jsonSafe(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (Array.isArray(v)) return v.every(jsonSafe);
  if (typeof v === 'object') return Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(jsonSafe);
  return false;
}

// The scanner's arrays go in a binary file beside the JSON (`.scan`): as base64 in the JSON they tripled its size
// and cost about what building the scanner costs. Layout: the stamp (the key's digest, padded to 64 bytes), then
// each array's bytes in SCANNER_ARRAYS order; the JSON holds the sizes and the non-ASCII edges.
const SCANNER_ARRAYS = ['asciiClass', 'delta', 'fail', 'endId', 'dictLink'] as const;
const KEY_BYTES = 64;

interface ScannerMeta {
  size: number;
  classes: number;
  wide: ScannerData['wide'];
  deltaWide: boolean;
  states: number;
}

function writeScanner(file: string, stamp: string, d: ScannerData): ScannerMeta {
  const parts = SCANNER_ARRAYS.map((n) => Buffer.from(d[n].buffer, d[n].byteOffset, d[n].byteLength));
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(stamp.padEnd(KEY_BYTES), 'latin1'), ...parts]));
  renameSync(tmp, file);
  const { size, classes, wide } = d;
  return { size, classes, wide, deltaWide: d.delta instanceof Int32Array, states: d.fail.length };
}

/** The scanner as stored, or undefined (then built afresh); CandidateIndex checks its shape before using it. */
function readScanner(file: string, stamp: string, meta: ScannerMeta | undefined): ScannerData | undefined {
  if (!meta || !Number.isInteger(meta.states) || !Number.isInteger(meta.classes)) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined; // the rules are still good: only the scanner is built afresh
  }
  const cells = meta.states * meta.classes;
  const lengths = [128, cells * (meta.deltaWide ? 4 : 2), meta.states * 4, meta.states * 4, meta.states * 4];
  if (bytes.byteLength !== KEY_BYTES + lengths.reduce((a, b) => a + b, 0)) return undefined;
  if (bytes.toString('latin1', 0, KEY_BYTES) !== stamp.padEnd(KEY_BYTES)) return undefined;
  // Each array copied out of the file's bytes into a buffer of its own, so every view is aligned (delta's length
  // need not be a multiple of 4) and none keeps the whole file alive.
  const whole = bytes.buffer as ArrayBuffer;
  let at = KEY_BYTES;
  const take = <T>(Kind: new (b: ArrayBuffer, o: number, n: number) => T, n: number, size: number): T => {
    const v = new Kind(whole.slice(bytes.byteOffset + at, bytes.byteOffset + at + n * size), 0, n);
    at += n * size;
    return v;
  };
  return {
    size: meta.size,
    classes: meta.classes,
    wide: meta.wide,
    asciiClass: take(Uint8Array, 128, 1),
    delta: meta.deltaWide ? take(Int32Array, cells, 4) : take(Uint16Array, cells, 2),
    fail: take(Int32Array, meta.states, 4),
    endId: take(Int32Array, meta.states, 4),
    dictLink: take(Int32Array, meta.states, 4),
  };
}

export function readCache(dirs: readonly string[], key: string, cacheDir: string): CachedRuleSet | undefined {
  try {
    const data = JSON.parse(readFileSync(fileFor(cacheDir, dirs), 'utf8')) as {
      format?: string;
      key?: string;
    } & CachedRuleSet;
    if (data.format !== FORMAT || data.key !== key) return undefined;
    if (!Array.isArray(data.rules) || !Array.isArray(data.requirements)) return undefined;
    if (data.rules.length !== data.requirements.length || data.rules.length === 0) return undefined;
    // JSON has no undefined: an unindexable rule's requirement is stored as null.
    return {
      rules: data.rules,
      requirements: data.requirements.map((r) => r ?? undefined),
      scanner: readScanner(scanFileFor(cacheDir, dirs), digest(key), (data as { scanner?: ScannerMeta }).scanner),
    };
  } catch {
    return undefined;
  }
}

export function writeCache(dirs: readonly string[], key: string, cacheDir: string, set: CachedRuleSet): void {
  if (!jsonSafe(set.rules)) return;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const file = fileFor(cacheDir, dirs);
    // Write then rename, so a concurrent reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    const { scanner, ...rest } = set;
    const meta = scanner && writeScanner(scanFileFor(cacheDir, dirs), digest(key), scanner);
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, key, ...rest, scanner: meta }));
    renameSync(tmp, file);
    prune(cacheDir);
  } catch {
    // A read-only install: no cache, every start loads afresh.
  }
}

/** Drop all but the most recently written cache files. */
function prune(cacheDir: string): void {
  const files = readdirSync(cacheDir)
    .filter((f) => /^rules-[0-9a-f]{16}\.json$/.test(f))
    .map((f) => ({ f, t: statSync(join(cacheDir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of files.slice(KEEP_FILES)) {
    for (const name of [f, f.replace(/\.json$/, '.scan')])
      try {
        unlinkSync(join(cacheDir, name));
      } catch {
        // Another process pruned it first (or the set had no scanner file).
      }
  }
}
