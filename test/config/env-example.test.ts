// Every environment variable the code reads is parsed in src/config/ and listed in .env.example (NO_COLOR, the
// cross-tool convention the CLI honours, is documented in the README instead).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const CONVENTIONS = new Set(['NO_COLOR']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Variable names read (not set: `serve --port` sets PORT for the parser) as `env.NAME`, `env['NAME']` or `(env, 'NAME'` (the config readers), per file. */
const reads = sources(join(root, 'src')).flatMap((file) =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /\benv(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\]|, '([A-Z][A-Z0-9_]+)')(?![\w'\]])(?!\s*=[^=])/g,
    ),
  ].map((m) => ({ file: relative(root, file), name: (m[1] ?? m[2] ?? m[3])! })),
);
const example = readFileSync(join(root, '.env.example'), 'utf8');

describe('environment variables', () => {
  it('the code reads some (the scan works)', () => {
    expect(new Set(reads.map((r) => r.name)).size).toBeGreaterThan(15);
  });

  it('each one the code reads is in .env.example', () => {
    const missing = [...new Set(reads.map((r) => r.name))].filter(
      (name) => !CONVENTIONS.has(name) && !new RegExp(`^#?\\s*${name}=`, 'm').test(example),
    );
    expect(missing).toEqual([]);
  });

  it('only src/config/ parses them (the CLI reads NO_COLOR)', () => {
    const outside = reads.filter((r) => !r.file.startsWith('src/config/') && !CONVENTIONS.has(r.name));
    expect(outside.map((r) => `${r.file}: ${r.name}`)).toEqual([]);
  });
});
