// Where regex-safety verdicts are kept: in memory, in the committed seed beside the bundled rules, and in a disk
// cache under node_modules/.cache. Verdicts depend only on pattern, flags and checker version, so any of these
// may be missing or stale without harm: a miss only costs a recheck run.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCacheDir } from '../cache-dir.js';
import { configuredCacheDir } from '../config/rules.js';
import { sha256Hex } from './sha256.js';

export interface RegexVerdict {
  safe: boolean;
  /** Why the pattern is refused (or, when safe but unproven, what could not be checked). */
  reason?: string;
  /** `structural`: refused by shape; `recheck`: proven by recheck; `unverified`: recheck gave no answer in time. */
  checker: 'structural' | 'recheck' | 'unverified';
  /** A worst-case input recheck built for this pattern; it joins the fuzz set even when the pattern is accepted. */
  attack?: string;
}

// Bump when the checker or its parameters change, so old verdicts are recomputed.
const CACHE_VERSION = 'recheck-4.5/automaton-700+branches+fuzz-800/v2';

/**
 * The disk cache's own version: it holds verdicts on user rules, and those changed meaning ("no verdict" is now
 * unsafe, and nothing is timed on the main thread), so caches written before are not read.
 */
const DISK_VERSION = `${CACHE_VERSION}+worker-deadline/v3`;

function defaultCacheFile(): string {
  return join(configuredCacheDir() ?? defaultCacheDir(), 'regex-safety.json');
}

interface CacheFile {
  version: string;
  verdicts: Record<string, RegexVerdict>;
}

let cacheFile: string | null = defaultCacheFile();
let useSeed = true;
const memory = new Map<string, RegexVerdict>();
let disk: Record<string, RegexVerdict> | undefined;
let seed: Record<string, RegexVerdict> | undefined;

/** Point the disk cache elsewhere (`null` turns it off, `'default'` restores it); memory is cleared, as in a new process. */
export function configureVerdictStore(options: { cacheFile?: string | null; seed?: boolean }): void {
  if (options.cacheFile !== undefined)
    cacheFile = options.cacheFile === 'default' ? defaultCacheFile() : options.cacheFile;
  if (options.seed !== undefined) useSeed = options.seed;
  memory.clear();
  disk = undefined;
  seed = undefined;
}

export const verdictKey = (pattern: string, flags: string) =>
  sha256Hex(`${CACHE_VERSION}\0${flags}\0${pattern}`).slice(0, 32);

/**
 * Verdicts for the bundled rules' patterns, committed beside them (`rules/.regex-verdicts.json`), so a fresh clone or
 * install never runs recheck for shipped rules. Verdicts depend only on pattern, flags and checker version; a stale
 * or missing seed only costs time. Regenerate with `npm run rules:verdicts`.
 */
const SEED_FILE = (() => {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(resolve(here, here.includes(`${sep}dist${sep}`) ? '../../..' : '../..'), 'rules', '.regex-verdicts.json');
})();

function readSeed(): Record<string, RegexVerdict> {
  try {
    const parsed = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as CacheFile;
    return parsed.version === CACHE_VERSION && parsed.verdicts ? parsed.verdicts : {};
  } catch {
    return {};
  }
}

/** Replace the committed seed with these verdicts. */
export function writeSeed(verdicts: Record<string, RegexVerdict>): void {
  const sorted = Object.fromEntries(Object.entries(verdicts).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(SEED_FILE, `${JSON.stringify({ version: CACHE_VERSION, verdicts: sorted }, null, 1)}\n`);
}

/** Whether the committed seed holds a verdict for this key (tests keep the seed complete). */
export function seedHasKey(key: string): boolean {
  return key in readSeed();
}

/** A known verdict from memory, the seed or the disk cache. */
export function knownVerdict(key: string): RegexVerdict | undefined {
  seed ??= useSeed ? readSeed() : {};
  const known = memory.get(key) ?? seed[key] ?? readDisk()[key];
  if (known) memory.set(key, known);
  return known;
}

/** Remember a verdict for this process, and on disk when `persist`. */
export function rememberVerdict(key: string, verdict: RegexVerdict, persist: boolean): void {
  memory.set(key, verdict);
  if (persist) writeDisk(key, verdict);
}

function readDisk(): Record<string, RegexVerdict> {
  if (disk) return disk;
  disk = {};
  if (!cacheFile) return disk;
  try {
    const parsed = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheFile;
    if (parsed.version === DISK_VERSION && parsed.verdicts && typeof parsed.verdicts === 'object')
      disk = parsed.verdicts;
  } catch {
    // No cache yet, unreadable or corrupt: recompute; the cache is an optimisation only.
  }
  return disk;
}

function writeDisk(key: string, verdict: RegexVerdict): void {
  const verdicts = readDisk();
  verdicts[key] = verdict;
  if (!cacheFile) return;
  try {
    // Merge with what other processes wrote meanwhile; write-then-rename so a reader never sees half a file.
    let onDisk: Record<string, RegexVerdict> = {};
    try {
      const parsed = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheFile;
      if (parsed.version === DISK_VERSION) onDisk = parsed.verdicts ?? {};
    } catch {}
    const merged: CacheFile = { version: DISK_VERSION, verdicts: { ...onDisk, ...verdicts } };
    mkdirSync(dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(merged));
    renameSync(tmp, cacheFile);
  } catch {
    // Read-only install: keep the verdict in memory for this process.
  }
}
