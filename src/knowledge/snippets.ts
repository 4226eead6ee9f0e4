// Shared answer blocks: a retry helper, a fallback model, a ping request live once in `<rules>/_snippets/<name>.yaml`
// and a rule's `cause`, `fix` steps and `verify` `say`/`run` texts include one by name with `{{> name}}`.
// Expansion happens at load, before validation, so everything downstream (ranking, templates, the rule cache)
// sees plain texts; the answers rendered are exactly those of the inlined text.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { FieldPath } from './validate.js';

export interface Snippet {
  name: string;
  text: string;
  file: string;
}

export interface SnippetProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

/** The folder, inside a rule folder, that holds snippets; the rule loader skips it as it skips every `_` entry. */
const SNIPPET_DIR = '_snippets';
/** `{{> retry-python}}`: the include syntax. Names are file names: lower case, digits and dashes. */
const INCLUDE = /\{\{>\s*([^}\s]{1,80})\s*\}\}/g;
const NAME = /^[a-z0-9][a-z0-9-]*$/;

type ParseYaml = (source: string) => unknown;

function listSnippetFiles(dir: string): string[] {
  try {
    return readdirSync(join(dir, SNIPPET_DIR))
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir, SNIPPET_DIR, f));
  } catch {
    return []; // no snippet folder: nothing to include
  }
}

/** Read every `_snippets/*.yaml` of the rule folders; a name defined twice, or a malformed file, is a problem. */
export function loadSnippets(
  dirs: readonly string[],
  parse: ParseYaml,
): { snippets: Map<string, Snippet>; problems: SnippetProblem[] } {
  const snippets = new Map<string, Snippet>();
  const problems: SnippetProblem[] = [];
  for (const dir of dirs) {
    for (const file of listSnippetFiles(dir)) {
      const shown = relative(process.cwd(), file) || file;
      const name = basename(file).replace(/\.ya?ml$/, '');
      const add = (field: string, message: string) => problems.push({ file: shown, line: 1, field, message });
      let doc: unknown;
      try {
        doc = parse(readFileSync(file, 'utf8'));
      } catch (err) {
        add('(yaml)', (err as Error).message.split('\n')[0] ?? 'cannot parse');
        continue;
      }
      const d = doc as { description?: unknown; text?: unknown } | null;
      if (!NAME.test(name)) add('(file)', 'snippet file names are lower case, digits and dashes: the name rules use');
      else if (!d || typeof d !== 'object' || typeof d.text !== 'string' || !d.text.trim())
        add('text', 'a snippet holds {description, text}; text must be a non-empty string');
      else if (typeof d.description !== 'string' || !d.description.trim())
        add('description', 'say what the block is for and where it fits');
      else if (d.text.match(INCLUDE)) add('text', 'a snippet cannot include another snippet');
      else if (snippets.has(name))
        add('(file)', `snippet "${name}" is already defined in ${snippets.get(name)?.file}; names must be unique`);
      else snippets.set(name, { name, text: d.text.replace(/\n$/, ''), file: shown });
    }
  }
  return { snippets, problems };
}

/** One include that names no snippet. */
export interface UnknownInclude {
  path: FieldPath;
  name: string;
}

/**
 * Replace every `{{> name}}` in one text. An include alone on an indented line indents the whole block (so a
 * snippet can sit inside a Markdown list item); elsewhere it is inserted as is.
 */
function expandText(text: string, snippets: ReadonlyMap<string, Snippet>, onUnknown: (name: string) => void): string {
  if (!text.includes('{{>')) return text;
  return text.replace(INCLUDE, (whole, name: string, offset: number) => {
    const snippet = snippets.get(name);
    if (!snippet) {
      onUnknown(name);
      return whole;
    }
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const indent = /^[ \t]*$/.test(text.slice(lineStart, offset)) ? text.slice(lineStart, offset) : '';
    return snippet.text.replaceAll('\n', `\n${indent}`);
  });
}

/**
 * Expand includes in the answer fields of a parsed rule document (`cause`, `fix[i]`, `verify[i].say|run`), in place.
 * Returns the snippets used and every include that names none, with its field path.
 */
export function expandIncludes(
  doc: Record<string, unknown>,
  snippets: ReadonlyMap<string, Snippet>,
): { used: string[]; unknown: UnknownInclude[] } {
  const used = new Set<string>();
  const unknown: UnknownInclude[] = [];
  const expand = (text: unknown, path: FieldPath): unknown => {
    if (typeof text !== 'string') return text;
    for (const m of text.matchAll(INCLUDE)) if (m[1] && snippets.has(m[1])) used.add(m[1]);
    return expandText(text, snippets, (name) => unknown.push({ path, name }));
  };
  doc.cause = expand(doc.cause, ['cause']);
  if (Array.isArray(doc.fix)) doc.fix = doc.fix.map((step, i) => expand(step, ['fix', i]));
  if (Array.isArray(doc.verify))
    for (const [i, v] of doc.verify.entries()) {
      if (!v || typeof v !== 'object') continue;
      const block = v as Record<string, unknown>;
      block.say = expand(block.say, ['verify', i, 'say']);
      block.run = expand(block.run, ['verify', i, 'run']);
    }
  return { used: [...used].sort(), unknown };
}
