#!/usr/bin/env node
// The one build step, run by `prepare` (every `npm install` / `npm ci` in a checkout) and `prepack` (`npm pack`,
// `npm publish`). TypeScript is a dev dependency, so a production install (`npm ci --omit=dev`, the container's
// runtime stage) has no compiler: there it keeps the dist/ that was built before and says so, instead of failing
// the whole install on `tsc: not found`.
//   node scripts/build.mjs           compile src/, bench/ and test/ (tsconfig.json), for development
//   node scripts/build.mjs --package wipe dist/src and compile src/ alone without source maps (tsconfig.build.json),
//                                    so the tarball holds exactly the runtime code and no map to an unshipped file
// Both then bundle the CLI (scripts/bundle-cli.mjs) into dist/src/bundle/, so `bailian-doctor diagnose` starts fast.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const forPackage = process.argv.includes('--package');
let tsc;
try {
  // The package exports only package.json and its API, not bin/: find the compiler next to its manifest.
  const manifest = createRequire(join(root, 'package.json')).resolve('typescript/package.json');
  const bin = JSON.parse(readFileSync(manifest, 'utf8')).bin?.tsc ?? 'bin/tsc';
  tsc = join(dirname(manifest), bin);
  if (!existsSync(tsc)) throw new Error('no tsc');
} catch {
  const built = existsSync(join(root, 'dist', 'src', 'cli', 'main.js'));
  process.stderr.write(
    built
      ? 'bailian-doctor: no TypeScript here (production install); using the dist/ built before\n'
      : 'bailian-doctor: no TypeScript here (production install) and no dist/ yet: run `npm ci && npm run build` ' +
          'first, or install the published package (`npm i bailian-doctor`), which ships dist/\n',
  );
  process.exit(forPackage ? 1 : 0);
}
// The container's build stage installs dependencies before it copies the sources (so that layer stays cached):
// `prepare` then has nothing to compile yet.
if (!forPackage && !existsSync(join(root, 'src'))) {
  process.stderr.write('bailian-doctor: no src/ here yet; nothing to build\n');
  process.exit(0);
}
if (forPackage) rmSync(join(root, 'dist', 'src'), { recursive: true, force: true });
const project = join(root, forPackage ? 'tsconfig.build.json' : 'tsconfig.json');
const run = spawnSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit', cwd: root });
if (run.status !== 0) process.exit(run.status ?? 1);
// Imported only here: a production install (above) has no bundler either, and needs only this file.
const { bundleCli } = await import('./bundle-cli.mjs');
await bundleCli(root);
