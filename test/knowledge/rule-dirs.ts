// Temporary rule folders for load tests: files laid out as given, removed after each test, and the load problems
// of a folder as `category/file.yaml:line: field: message` lines.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { RuleLoadError } from '../../src/knowledge/load.js';

export function tempRuleDirs(prefix = 'bd-rules-') {
  let dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    dirs = [];
  });
  const ruleDir = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), body);
    }
    return dir;
  };
  /** The problems `load(dir)` throws, or [] when it loads. */
  const problemsOf = (load: () => unknown): string[] => {
    try {
      load();
    } catch (err) {
      expect(err).toBeInstanceOf(RuleLoadError);
      return (err as RuleLoadError).problems.map(
        (p) => `${p.file.split('/').slice(-2).join('/')}:${p.line}: ${p.field}: ${p.message}`,
      );
    }
    return [];
  };
  return { ruleDir, problemsOf };
}
