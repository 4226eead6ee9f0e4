// Where bailian-doctor keeps derived data (validated rule sets, regex verdicts): `<package>/node_modules/.cache/
// bailian-doctor`, or the enclosing node_modules when installed as a dependency. Deleting it only costs time.
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

export function defaultCacheDir(): string {
  const marker = `${sep}node_modules${sep}`;
  const inside = HERE.lastIndexOf(marker);
  const nodeModules =
    inside >= 0
      ? HERE.slice(0, inside + marker.length - 1)
      : join(resolve(HERE, HERE.includes(`${sep}dist${sep}`) ? '../..' : '..'), 'node_modules');
  return join(nodeModules, '.cache', 'bailian-doctor');
}
