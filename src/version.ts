// The package's own version, read once from its package.json, for `--version`, `/healthz`, OpenAPI and the chat
// footers. One source: bumping package.json (and CHANGELOG.md) is all a release takes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function readVersion(): string {
  // src/version.ts (tests) sits one folder below package.json, dist/src/version.js two.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 3; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'bailian-doctor' && pkg.version) return pkg.version;
    } catch {
      // not here: one folder up
    }
  }
  return '0.0.0-unknown';
}

export const VERSION: string = readVersion();
