// A cache of the validated rule set (and its derived index requirements), so a CLI start does not re-parse and
// re-validate every YAML file (and re-check every regex) when nothing changed. Keyed by every file under the rule
// folders (path, size, mtime, ctime), the loader's own code files, the working directory (rule `file` fields are
// relative to it) and the folders named. Anything unexpected — unreadable, corrupt, foreign — means "load
// afresh"; a failed load is never cached, so a broken set always reports its problems.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledRulesDir } from '../knowledge/load.js';
import type { Rule } from '../knowledge/rule.js';
import type { Requirement } from './index/requirements.js';

export interface CachedRuleSet {
  rules: Rule[];
  requirements: Requirement[];
}

const FORMAT = 'bailian-doctor/rule-cache/v1';
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
  './rule-cache',
].flatMap((f) => [resolve(HERE, `${f}.js`), resolve(HERE, `${f}.ts`)]);

function statLine(path: string): string {
  try {
    const s = statSync(path);
    return `${path}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}`;
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

export function fingerprint(dirs: readonly string[]): string {
  const lines = [FORMAT, process.cwd(), ...dirs, ...CODE_FILES.map(statLine)];
  for (const d of dirs) walk(resolve(d), lines);
  // Every set may include the bundled snippets, named in `dirs` or not.
  walk(join(bundledRulesDir(), '_snippets'), lines);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

const fileFor = (cacheDir: string, dirs: readonly string[]) =>
  join(
    cacheDir,
    `rules-${createHash('sha256')
      .update(`${process.cwd()}\0${dirs.join('\0')}`)
      .digest('hex')
      .slice(0, 16)}.json`,
  );

/** JSON keeps every value a validated rule can hold, except non-finite numbers: such sets are not cached. */
function jsonSafe(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (Array.isArray(v)) return v.every(jsonSafe);
  if (typeof v === 'object') return Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(jsonSafe);
  return false;
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
    return { rules: data.rules, requirements: data.requirements.map((r) => r ?? undefined) };
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
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, key, ...set }));
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
    try {
      unlinkSync(join(cacheDir, f));
    } catch {
      // Another process pruned it first.
    }
  }
}
