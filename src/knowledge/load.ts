// Loads every `*.yaml` rule under the rule folders. All-or-nothing: one broken file refuses the whole set,
// so a half-loaded knowledge base is never served silently.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Yaml from 'yaml';
import { extraRuleDirs } from '../config/rules.js';
import { BailianDoctorError } from '../errors.js';
import type { Rule } from './rule.js';
import { sha256Hex } from './sha256.js';
import { expandIncludes, loadSnippets, type Snippet } from './snippets.js';
import { type FieldPath, validateRule } from './validate.js';

// yaml is loaded on first use: a start served from the rule cache (src/engine/rule-cache.ts) parses no YAML.
let yamlLib: typeof Yaml | undefined;
const yaml = (): typeof Yaml => {
  yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yamlLib;
};

export interface RuleProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export class RuleLoadError extends BailianDoctorError {
  constructor(readonly problems: RuleProblem[]) {
    super(
      'RULES_INVALID',
      `${problems.length} problem(s) in the rules; no rule from this set is served:\n` +
        problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'RuleLoadError';
  }
}

/** The rules shipped with the package (`<package>/rules`). */
export const BUNDLED_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../..', 'rules');
const bundledFromSource = resolve(dirname(fileURLToPath(import.meta.url)), '../..', 'rules');

/** The bundled rules folder, whether running from the build or from source. */
export function bundledRulesDir(): string {
  return safeIsDir(BUNDLED_RULES_DIR) ? BUNDLED_RULES_DIR : bundledFromSource;
}

export function defaultRuleDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return [bundledRulesDir(), ...extraRuleDirs(env)];
}

function safeIsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Every rule file under `dir`, sorted (names starting with `.` or `_` are skipped). */
export function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** `<root>/auth/invalid-api-key.yaml` -> `auth.invalid-api-key`. */
function idFromPath(root: string, file: string): string {
  const rel = relative(root, file).split(sep);
  const name = basename(rel.pop() ?? '', '.yaml').replace(/\.yml$/, '');
  return [...rel, name].join('.');
}

function lineOf(doc: ReturnType<typeof Yaml.parseDocument>, counter: Yaml.LineCounter, path: FieldPath): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) return counter.linePos(range[0]).line;
    if (n > 0 && yaml().isMap(doc.contents)) {
      // The key exists but its value is null: point at the key.
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
      const pair = yaml().isMap(parent)
        ? parent.items.find((it) => (it.key as { value?: unknown })?.value === path[n - 1])
        : undefined;
      const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (keyRange) return counter.linePos(keyRange[0]).line;
    }
  }
  return 1;
}

/** The line of `needle` at or after the start of the node at `path` (an include inside a block scalar). */
function lineOfText(
  source: string,
  doc: ReturnType<typeof Yaml.parseDocument>,
  counter: Yaml.LineCounter,
  path: FieldPath,
  needle: RegExp,
): number {
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | null;
  const start = node?.range?.[0];
  if (start === undefined) return lineOf(doc, counter, path);
  needle.lastIndex = start;
  const hit = needle.exec(source);
  return hit && hit.index < (node?.range?.[2] ?? source.length)
    ? counter.linePos(hit.index).line
    : lineOf(doc, counter, path);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A rule file is a page of YAML (the largest bundled one is under 8 KiB); anything this big is not a rule. */
export const MAX_RULE_FILE_BYTES = 64 * 1024;
/** Anchors and aliases are allowed, a few: an alias bomb (a billion laughs) is refused instead of expanded. */
const MAX_ALIASES = 50;

/** The line of the first alias (`*name`) in `source`: where an alias bomb starts. */
function firstAliasLine(source: string): number {
  const m = /(?:^|[\s[{,:-])\*[^\s,\]}]+/m.exec(source);
  return m ? source.slice(0, m.index + 1).split('\n').length : 1;
}

/** The file's text, or the problem that keeps it from being read. */
export function readRuleSource(file: string, shown: string): { source?: string; problem?: RuleProblem } {
  try {
    const size = statSync(file).size;
    if (size > MAX_RULE_FILE_BYTES)
      return {
        problem: {
          file: shown,
          line: 1,
          field: '(file)',
          message: `is ${size} bytes; a rule file may be at most ${MAX_RULE_FILE_BYTES} bytes (one problem per file)`,
        },
      };
    return { source: readFileSync(file, 'utf8') };
  } catch (err) {
    return { problem: { file: shown, line: 1, field: '(file)', message: `cannot read: ${(err as Error).message}` } };
  }
}

/** Parse one rule file to plain data, or say why not (file, line). */
export function parseRuleSource(
  source: string,
  shown: string,
): { data?: unknown; doc?: ReturnType<typeof Yaml.parseDocument>; counter: Yaml.LineCounter; problems: RuleProblem[] } {
  const { LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    return {
      counter,
      problems: doc.errors.map((e) => ({
        file: shown,
        line: e.linePos?.[0]?.line ?? counter.linePos(e.pos[0]).line,
        field: '(yaml)',
        message: e.message.split('\n')[0] ?? e.message,
      })),
    };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIASES }), doc, counter, problems: [] };
  } catch (err) {
    // yaml throws a ReferenceError when aliases expand past the limit (or an alias has no anchor).
    return {
      counter,
      problems: [
        {
          file: shown,
          line: firstAliasLine(source),
          field: '(yaml)',
          message: `${(err as Error).message.split('\n')[0]}; rule files may use at most ${MAX_ALIASES} aliases`,
        },
      ],
    };
  }
}

/**
 * Parse and validate one file; problems carry file, line and field. `snippets` are the blocks `{{> name}}`
 * includes may name (see snippets.ts); an include of an unknown name is a problem at its own line.
 */
function loadRuleFile(
  root: string,
  file: string,
  snippets: ReadonlyMap<string, Snippet> = new Map(),
): { rule?: Rule; problems: RuleProblem[] } {
  const shown = relative(process.cwd(), file) || file;
  const read = readRuleSource(file, shown);
  if (read.problem || read.source === undefined) return { problems: read.problem ? [read.problem] : [] };
  const parsed = parseRuleSource(read.source, shown);
  if (parsed.problems.length || !parsed.doc) return { problems: parsed.problems };
  const { doc, counter } = parsed;
  const source = read.source;
  const out: RuleProblem[] = [];
  let used: string[] = [];
  if (parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data)) {
    const expanded = expandIncludes(parsed.data as Record<string, unknown>, snippets);
    used = expanded.used;
    const known = [...snippets.keys()].sort().join(', ') || 'none: add rules/_snippets/<name>.yaml';
    for (const u of expanded.unknown)
      out.push({
        file: shown,
        line: lineOfText(source, doc, counter, u.path, new RegExp(`\\{\\{>\\s*${escapeRe(u.name)}`, 'g')),
        field: u.path.join('.'),
        message: `includes unknown snippet "${u.name}" (known: ${known})`,
      });
  }
  const { rule, problems } = validateRule(parsed.data, shown);
  out.push(
    ...problems.map((p) => ({
      file: shown,
      line: lineOf(doc, counter, p.path),
      field: p.path.join('.') || '(rule)',
      message: p.message,
    })),
  );
  if (rule && used.length) rule.snippets = used;
  // The rule's version is its file's content: feedback and stats are kept per version, so an edit starts afresh.
  if (rule) rule.version = sha256Hex(source).slice(0, 12);
  if (rule) {
    const expected = idFromPath(root, file);
    if (rule.id !== expected)
      out.push({
        file: shown,
        line: lineOf(doc, counter, ['id']),
        field: 'id',
        message: `must be "${expected}" to match the file's path`,
      });
    const folder = expected.split('.')[0];
    if (folder !== rule.category)
      out.push({
        file: shown,
        line: lineOf(doc, counter, ['category']),
        field: 'category',
        message: `must be "${folder}": a rule lives in the folder of its category`,
      });
  }
  return out.length ? { problems: out } : { rule, problems: [] };
}

/** Load and validate every rule under `dirs`. Throws RuleLoadError listing every problem when any file is bad. */
export function loadRuleFiles(dirs: string[]): Rule[] {
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  // Snippets of every folder are shared, and the bundled ones are always there: a folder named in RULES_DIR, or
  // a copy of some bundled rules loaded on its own, may include the bundled blocks.
  const parse = (src: string) => yaml().parse(src);
  const { snippets, problems } = loadSnippets(dirs.filter(safeIsDir), parse);
  const bundled = resolve(bundledRulesDir());
  if (!dirs.some((d) => resolve(d) === bundled))
    for (const [name, snippet] of loadSnippets([bundled], parse).snippets)
      if (!snippets.has(name)) snippets.set(name, snippet);
  for (const dir of dirs) {
    if (!safeIsDir(dir)) {
      problems.push({ file: dir, line: 1, field: '(folder)', message: 'rule folder does not exist (check RULES_DIR)' });
      continue;
    }
    for (const file of listYaml(dir)) {
      const result = loadRuleFile(dir, file, snippets);
      problems.push(...result.problems);
      if (!result.rule) continue;
      const first = seen.get(result.rule.id);
      if (first)
        problems.push({
          file: result.rule.file,
          line: 1,
          field: 'id',
          message: `duplicate id ${result.rule.id}, first defined in ${first}`,
        });
      else {
        seen.set(result.rule.id, result.rule.file);
        rules.push(result.rule);
      }
    }
  }
  if (problems.length) throw new RuleLoadError(problems);
  if (rules.length === 0)
    throw new RuleLoadError([{ file: dirs.join(','), line: 1, field: '(rules)', message: 'no rule files found' }]);
  return rules;
}
