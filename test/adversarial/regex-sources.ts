// Every regex the product runs: the literals in src/ (found by parsing the source) and the `matches` /
// `matchesCase` patterns of the bundled rules. Shared by the ReDoS test and the fuzz set.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { defaultRuleDirs, loadRuleFiles } from '../../src/knowledge/load.js';
import type { Condition } from '../../src/knowledge/rule.js';

export interface FoundRegex {
  where: string;
  pattern: string;
  flags: string;
}

const ROOT = join(import.meta.dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

type Node = { type?: string; start?: number; regex?: { pattern: string; flags: string }; [k: string]: unknown };

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) for (const n of node) walk(n, visit);
  else if (node && typeof node === 'object') {
    visit(node as Node);
    for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v, visit);
  }
}

const lineAt = (source: string, offset: number) => source.slice(0, offset).split('\n').length;

/** Regex literals, and `new RegExp('literal', 'flags')` with literal arguments, in every file under src/. */
export function srcRegexes(): FoundRegex[] {
  const out: FoundRegex[] = [];
  for (const file of tsFiles(join(ROOT, 'src'))) {
    const source = readFileSync(file, 'utf8');
    const ast = parseAst(source, { lang: 'ts' }, file);
    const where = (n: Node) => `${relative(ROOT, file)}:${lineAt(source, n.start ?? 0)}`;
    walk(ast, (n) => {
      if (n.type === 'Literal' && n.regex) out.push({ where: where(n), ...n.regex });
      if (
        n.type === 'NewExpression' &&
        (n.callee as Node)?.type === 'Identifier' &&
        (n.callee as { name?: string }).name === 'RegExp'
      ) {
        const [p, f] = (n.arguments as Node[]) ?? [];
        if (p?.type === 'Literal' && typeof p.value === 'string')
          out.push({
            where: where(n),
            pattern: p.value,
            flags: f?.type === 'Literal' && typeof f.value === 'string' ? f.value : '',
          });
      }
    });
  }
  return out;
}

function leaves(c: Condition, out: { operator: string; value: unknown }[] = []) {
  if ('all' in c) for (const s of c.all) leaves(s, out);
  else if ('any' in c) for (const s of c.any) leaves(s, out);
  else if ('not' in c) leaves(c.not, out);
  else out.push(c);
  return out;
}

/** Every regex pattern in the bundled rules, with the flags the operator compiles it with. */
export function ruleRegexes(): FoundRegex[] {
  const out: FoundRegex[] = [];
  for (const rule of loadRuleFiles(defaultRuleDirs({})))
    for (const leaf of leaves(rule.when))
      if ((leaf.operator === 'matches' || leaf.operator === 'matchesCase') && typeof leaf.value === 'string')
        out.push({ where: rule.file, pattern: leaf.value, flags: leaf.operator === 'matches' ? 'i' : '' });
  return out;
}
