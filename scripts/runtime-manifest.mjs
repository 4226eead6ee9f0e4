#!/usr/bin/env node
// The container's runtime dependencies: everything `dependencies` names plus the optional peers (the server's and
// the bots' packages, which the published library leaves out), and no dev tool. The Dockerfile runs this on a copy
// of package.json, then `npm prune --omit=dev`, so node_modules keeps exactly the locked versions of those —
// nothing is fetched again, nothing is resolved anew.
//   node scripts/runtime-manifest.mjs [package.json]
import { readFileSync, writeFileSync } from 'node:fs';

const path = process.argv[2] ?? 'package.json';
const pkg = JSON.parse(readFileSync(path, 'utf8'));
pkg.dependencies = { ...pkg.dependencies, ...pkg.peerDependencies };
const runtime = new Set(Object.keys(pkg.dependencies));
pkg.devDependencies = Object.fromEntries(Object.entries(pkg.devDependencies ?? {}).filter(([n]) => !runtime.has(n)));
delete pkg.peerDependencies;
delete pkg.peerDependenciesMeta;
writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
process.stdout.write(`runtime dependencies: ${[...runtime].sort().join(' ')}\n`);
