// The CLI bundled, as the last build step (scripts/build.mjs): `bailian-doctor diagnose` otherwise loads ~110 ES
// modules one by one, and resolving, reading and compiling them was about half its start-up. The bundle is
// dist/src/bundle/: `cli.js` (the CLI's main), one `core-*.js` chunk with every module the diagnose path needs,
// and a chunk per other command, loaded when that command runs. bin/bailian-doctor.js runs it only while it is
// fresh (see inputsOf below), else the modules in dist/src as tsc built them.
//
// Bundler: rolldown, already installed for the tests (vitest → vite → rolldown), so it adds no package to the
// tree; it is a devDependency of its own so the build does not lean on a tool's internals. Without it the build
// leaves no bundle and the CLI runs the modules.
//
// Behaviour is the modules' own:
// - Every module still sees its own `import.meta.url` (rewritten to its dist/ path, relative to the bundle), so
//   the rules folder, the cache folder, package.json and the files the caches key on resolve as before — from a
//   checkout, from dist/ and from the npm package alike.
// - Packages (and node: built-ins) stay imports, resolved at run time as before: the optional peers a surface
//   needs are still found, or reported missing, the same way.
// - A module none of whose exports is used is left out (moduleSideEffects: false): our modules do their work
//   when called, not when imported (no file in src/ is imported for its effect alone).
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/** Build the bundle from the compiled modules in `<root>/dist/src`; returns the folder, or undefined without rolldown. */
export async function bundleCli(root) {
  const dist = join(root, 'dist', 'src');
  const out = join(dist, 'bundle');
  rmSync(out, { recursive: true, force: true }); // never leave an old bundle beside new modules
  let rolldown;
  try {
    ({ rolldown } = await import('rolldown'));
  } catch {
    process.stderr.write('bailian-doctor: no rolldown here; the CLI runs unbundled\n');
    return undefined;
  }
  const input = join(dist, 'cli', 'main.js');
  const options = {
    platform: 'node',
    treeshake: { moduleSideEffects: false },
    external: (id) => !id.startsWith('.') && !id.startsWith('/'),
    plugins: [ownImportMetaUrl(out)],
    logLevel: 'warn',
  };
  // Pass one: which modules the CLI's main and `diagnose` load before any other import() runs.
  const probe = await rolldown({ ...options, input: [input, join(dist, 'cli', 'commands', 'diagnose.js')] });
  const { output } = await probe.generate({ format: 'esm' });
  const core = new Set(staticClosure(output).flatMap((c) => c.moduleIds));
  core.delete(input);
  // Pass two: the CLI, those modules in one chunk (one file to read and compile instead of dozens).
  const bundle = await rolldown({ ...options, input: { cli: input } });
  const written = await bundle.write({
    dir: out,
    format: 'esm',
    codeSplitting: { groups: [{ name: 'core', test: (id) => core.has(id) }] },
  });
  mkdirSync(join(out, 'inputs'));
  for (const [name, inputs] of Object.entries(inputsOf(written.output, dist)))
    writeFileSync(join(out, 'inputs', `${name}.json`), `${JSON.stringify(inputs)}\n`);
  return out;
}

/** Each module keeps its own URL: `import.meta.url` becomes the URL of its file in dist/, relative to the bundle. */
function ownImportMetaUrl(out) {
  return {
    name: 'own-import-meta-url',
    transform(code, id) {
      if (!code.includes('import.meta')) return null;
      const url = `new URL(${JSON.stringify(relative(out, id))}, import.meta.url).href`;
      const rewritten = code.replaceAll('import.meta.url', url);
      // import.meta.dirname / filename / resolve would name the bundle, not the module: refuse rather than guess.
      if (rewritten.replaceAll(url, '').includes('import.meta'))
        throw new Error(`${id}: only import.meta.url can be bundled`);
      return rewritten;
    },
  };
}

/** The chunks loaded, by static imports only, when the entry chunks load. */
function staticClosure(output) {
  const byName = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const seen = new Set();
  const stack = [...byName.values()].filter((c) => c.isEntry).map((c) => c.fileName);
  while (stack.length) {
    const name = stack.pop();
    if (seen.has(name) || !byName.has(name)) continue;
    seen.add(name);
    stack.push(...byName.get(name).imports);
  }
  return [...seen].map((n) => byName.get(n));
}

/**
 * What the launcher checks before it runs the bundle, one file per command (`inputs/<command>.json`, and
 * `inputs/all.json` for anything else): the bundle's entry and the modules the command can load (its chunk, what
 * that imports or may import, and the CLI's main) with each one's size when bundled. A module newer than the bundle
 * (tsc ran since, `tsc -w`) or of another size (a tarball packed without the build, whose mtimes npm resets) means
 * the bundle is stale, and the launcher runs the modules instead. One small file per command, because reading and
 * checking is start-up time too: about 1 ms for the hundred-odd modules of `diagnose`.
 */
function inputsOf(output, dist) {
  const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const closure = (from) => {
    const seen = new Set();
    const stack = [...from];
    while (stack.length) {
      const name = stack.pop();
      if (seen.has(name) || !chunks.has(name)) continue;
      seen.add(name);
      stack.push(...chunks.get(name).imports, ...chunks.get(name).dynamicImports);
    }
    return seen;
  };
  const entry = [...chunks.values()].find((c) => c.isEntry);
  const mainChunks = staticClosure(output).map((c) => c.fileName);
  const modulesOf = (names) => {
    const files = [...names].flatMap((n) => chunks.get(n).moduleIds).filter((id) => id.startsWith(`${dist}/`));
    const modules = Object.fromEntries([...new Set(files)].sort().map((f) => [relative(dist, f), statSync(f).size]));
    return { entry: entry.fileName, modules };
  };
  const commands = { all: modulesOf(closure([entry.fileName])) };
  const commandsDir = join(dist, 'cli', 'commands');
  for (const c of chunks.values())
    for (const id of c.moduleIds)
      if (id.startsWith(`${commandsDir}/`))
        commands[basename(id, '.js')] = modulesOf(new Set([...mainChunks, ...closure([c.fileName])]));
  return commands;
}
