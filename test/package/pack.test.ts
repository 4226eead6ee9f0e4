// What `npm pack` ships: exactly the runtime files. The list comes from npm itself (`npm pack --dry-run --json`),
// so a change to `files`, `.npmignore` or the build shows up here before it reaches a user.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function packList(): string[] {
  // --ignore-scripts: the list of the dist/ built by `npm test`'s build step; prepack's clean build is the same set.
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

describe('a production install (npm ci --omit=dev)', () => {
  it('prepare finds no TypeScript and keeps going instead of failing the install', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-prod-'));
    try {
      mkdirSync(join(dir, 'scripts'));
      cpSync(join(ROOT, 'scripts', 'build.mjs'), join(dir, 'scripts', 'build.mjs'));
      cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
      mkdirSync(join(dir, 'src'));
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
      const [cmd, ...args] = pkg.scripts.prepare.split(' ');
      expect(cmd).toBe('node');
      const run = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/no TypeScript here \(production install\)/);
      // Packing without a compiler is refused: a tarball must never ship a stale or missing build.
      const pack = spawnSync(process.execPath, pkg.scripts.prepack.split(' ').slice(1), { cwd: dir, encoding: 'utf8' });
      expect(pack.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('README install line', () => {
  it('names every optional peer at the range package.json asks for', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>;
    };
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const line = readme.split('\n').find((l) => l.startsWith('npm i -g bailian-doctor fastify@')) ?? '';
    for (const [name, range] of Object.entries(pkg.peerDependencies)) expect(line).toContain(` ${name}@${range}`);
  });
});
