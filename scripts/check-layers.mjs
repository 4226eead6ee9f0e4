#!/usr/bin/env node
// `npm run lint` runs this: the import graph of src/ must point down the layers and hold no circle. A file may
// import its own folder and any lower floor; a surface reaches the core only through src/index.ts (the public
// face), plus the shared chat, config and error modules. See ARCHITECTURE.md for the floors.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(dirname(new URL(import.meta.url).pathname), '..', 'src');

/**
 * Floors, lowest first. A module is named by its folder under src/ (or its file name at the top of src/); the
 * fact catalogue is pure data under the Facts type, so it stands on the ground floor as a file of its own.
 */
const FLOORS = [
  ['facts/catalog.ts'],
  ['types.ts', 'errors.ts', 'cache-dir.ts', 'version.ts'],
  ['text', 'config', 'optional-packages.ts'],
  ['facts'],
  ['knowledge', 'render'],
  ['engine', 'chat'],
  ['diagnose'],
  ['check'],
  ['learning'],
  ['storage'],
  ['service', 'verify'],
  ['index.ts', 'authoring'],
  ['http', 'slack', 'discord'],
  ['cli'],
  ['main.ts'],
];
const SURFACES = new Set(['http', 'slack', 'discord', 'cli', 'main.ts']);
/** What a surface may import besides its own folder and other surfaces above it. */
const SURFACE_MAY_USE = new Set(['index.ts', 'chat', 'config', 'errors.ts', 'optional-packages.ts']);
const EXTRA = { cli: ['authoring'] };

const floorOf = new Map(FLOORS.flatMap((names, i) => names.map((n) => [n, i])));
const moduleOf = (file) => {
  const path = relative(SRC, file);
  return floorOf.has(path) ? path : path.split('/')[0];
};

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
const files = walk(SRC);
const graph = new Map();
const problems = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const deps = [];
  for (const m of text.matchAll(IMPORT)) {
    const target = resolve(dirname(file), (m[1] ?? m[2]).replace(/\.js$/, '.ts'));
    if (target.startsWith(SRC)) deps.push(target);
  }
  graph.set(file, deps);
}

for (const [file, deps] of graph) {
  const from = moduleOf(file);
  if (!floorOf.has(from)) problems.push(`${relative(SRC, file)}: src/${from} is on no floor (add it to FLOORS)`);
  for (const dep of deps) {
    const to = moduleOf(dep);
    if (to === from) continue;
    const where = `src/${relative(SRC, file)} imports src/${relative(SRC, dep)}`;
    if (SURFACES.has(from) && !SURFACES.has(to) && !SURFACE_MAY_USE.has(to) && !EXTRA[from]?.includes(to))
      problems.push(`${where}: a surface reaches the core only through src/index.ts`);
    else if ((floorOf.get(to) ?? 0) >= (floorOf.get(from) ?? 0))
      problems.push(`${where}: ${from} must not import ${to} (same or higher floor)`);
  }
}

// File circles (type-only imports count: they still tie the two files together).
const state = new Map();
const stack = [];
function visit(file) {
  state.set(file, 'open');
  stack.push(file);
  for (const dep of graph.get(file) ?? []) {
    if (state.get(dep) === 'open') {
      const circle = stack.slice(stack.indexOf(dep)).concat(dep);
      problems.push(`circle: ${circle.map((f) => relative(SRC, f)).join(' -> ')}`);
    } else if (!state.has(dep)) visit(dep);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of files) if (!state.has(file)) visit(file);

if (problems.length) {
  process.stderr.write(`layer check: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`layer check: ${files.length} files in src/, imports point down, no circles\n`);
