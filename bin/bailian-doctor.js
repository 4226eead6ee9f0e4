#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (prepare) or `npm run build`, which also bundles it
// (dist/src/bundle/, scripts/bundle-cli.mjs): one file to load instead of ~110 modules is most of a fast start.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src');
const entry = freshBundle(process.argv[2]) ?? join(dist, 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('bailian-doctor is not built yet: run `npm run build` (npm install does it for you).\n');
  process.exit(2);
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));

/**
 * The bundle's entry, if no module the command can load changed since it was made: a plain `tsc` or `tsc -w`
 * rewrites modules after it, and then the modules run. Checks only that command's modules (every module for
 * anything else), so `diagnose` pays for about a hundred stats, not three hundred. Paths are joined by hand:
 * path.join on each costs more than the stat.
 */
function freshBundle(command) {
  try {
    const dir = `${dist}/bundle`;
    const name = /^[a-z][a-z-]*$/.test(command ?? '') ? command : 'all';
    const read = (n) => JSON.parse(readFileSync(`${dir}/inputs/${n}.json`, 'utf8'));
    let inputs;
    try {
      inputs = read(name);
    } catch {
      inputs = read('all'); // not a command: it can only print usage, but check everything
    }
    const made = statSync(`${dir}/${inputs.entry}`).mtimeMs;
    for (const path in inputs.modules) {
      const s = statSync(`${dist}/${path}`);
      if (s.mtimeMs > made || s.size !== inputs.modules[path]) return undefined;
    }
    return `${dir}/${inputs.entry}`;
  } catch {
    return undefined; // no bundle, or one we cannot read: the modules
  }
}
