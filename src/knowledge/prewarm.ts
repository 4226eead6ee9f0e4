// Before a reload in a running server (SIGHUP, RULES_WATCH), every regex of the rule files gets its safety verdict
// off the main thread (regex-worker.ts, awaited), so the synchronous load that follows blocks on none: the
// server keeps answering /healthz and requests while a slow or hostile pattern is being checked.
import { relative } from 'node:path';
import { listYaml, parseRuleSource, readRuleSource } from './load.js';
import { REGEX_OPERATORS } from './operators.js';
import { prewarmRegexVerdicts } from './regex-safety.js';

/** Every `matches` / `matchesCase` pattern in the parsed rule data, with the flags it is compiled with. */
function patternsOf(node: unknown, out: { pattern: string; flags: string }[], depth = 0): void {
  if (!node || typeof node !== 'object' || depth > 64) return;
  if (Array.isArray(node)) {
    for (const n of node) patternsOf(n, out, depth + 1);
    return;
  }
  const o = node as Record<string, unknown>;
  if (typeof o.operator === 'string' && REGEX_OPERATORS.has(o.operator) && typeof o.value === 'string')
    out.push({ pattern: o.value, flags: o.operator === 'matchesCase' ? '' : 'i' });
  for (const v of Object.values(o)) patternsOf(v, out, depth + 1);
}

/** Check (and cache) the verdict of every pattern under `dirs` without blocking; unreadable files are skipped. */
export async function prewarmRuleRegexes(dirs: readonly string[]): Promise<number> {
  const patterns: { pattern: string; flags: string }[] = [];
  for (const dir of dirs) {
    let files: string[];
    try {
      files = listYaml(dir);
    } catch {
      continue; // the load reports a missing folder
    }
    for (const file of files) {
      const shown = relative(process.cwd(), file) || file;
      const { source } = readRuleSource(file, shown);
      if (source === undefined) continue;
      const { data } = parseRuleSource(source, shown);
      if (data) patternsOf((data as Record<string, unknown>).when, patterns);
    }
  }
  await prewarmRegexVerdicts(patterns);
  return patterns.length;
}
