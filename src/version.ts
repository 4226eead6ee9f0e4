// The package's own manifest, read once: the version (for `--version`, `/healthz`, OpenAPI and the chat footers)
// and the ranges of the optional packages the surfaces need (for the message that says what to install). One
// source: bumping package.json (and CHANGELOG.md) is all a release takes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Manifest {
  name?: string;
  version?: string;
  peerDependencies?: Record<string, string>;
}

function readManifest(): Manifest {
  // src/version.ts (tests) sits one folder below package.json, dist/src/version.js two.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 3; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
      if (pkg.name === 'bailian-doctor') return pkg;
    } catch {
      // not here: one folder up
    }
  }
  return {};
}

const MANIFEST = readManifest();

export const VERSION: string = MANIFEST.version ?? '0.0.0-unknown';

/** `name@range` for an optional (peer) package, as `npm i` takes it. */
export function peerSpec(name: string): string {
  const range = MANIFEST.peerDependencies?.[name];
  return range ? `${name}@${range}` : name;
}
