// What `npm pack` ships: exactly the runtime files. The list comes from npm itself (`npm pack --dry-run --json`),
// so a change to `files`, `.npmignore` or the build shows up here before it reaches a user.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function packList(): string[] {
  // --ignore-scripts: the list of the dist/ built by `npm test`'s tsc step; prepack's clean build is the same set.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [entry] = JSON.parse(out) as [{ files: { path: string }[] }];
  return entry.files.map((f) => f.path).sort();
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out);
    else out.push(relative(ROOT, path));
  }
  return out;
}

describe('npm pack', () => {
  const files = packList();
  const sources = walk(join(ROOT, 'src')).filter((f) => f.endsWith('.ts'));

  it('ships every compiled source file with its types, and nothing compiled from tests or benchmarks', () => {
    for (const src of sources) {
      const base = src.replace(/^src\//, 'dist/src/').replace(/\.ts$/, '');
      expect(files, src).toContain(`${base}.js`);
      expect(files, src).toContain(`${base}.d.ts`);
    }
    expect(files.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/src/'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('ships the rules, the Slack manifest, .env.example and the documents the README points to', () => {
    const rules = walk(join(ROOT, 'rules')).sort();
    expect(files.filter((f) => f.startsWith('rules/'))).toEqual(rules);
    const rest = files.filter((f) => !f.startsWith('dist/') && !f.startsWith('rules/'));
    expect(rest).toEqual(
      [
        '.env.example',
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'SECURITY.md',
        'bin/bailian-doctor.js',
        'package.json',
        'slack/manifest.yaml',
      ].sort(),
    );
  });

  it('points main, types, exports and bin at shipped files', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const path of [
      pkg.main,
      pkg.types,
      pkg.exports['.'].types,
      pkg.exports['.'].default,
      pkg.bin['bailian-doctor'],
    ])
      expect(files).toContain(path.replace(/^\.\//, ''));
    expect(pkg.license).toBe('MIT');
    expect(pkg.type).toBe('module');
  });
});
