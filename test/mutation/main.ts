// `npm run mutation [-- name-regex]`: every mutant of mutants.ts (or those whose name matches); exits 1 if any
// survives or is stale.
import { resolve } from 'node:path';
import { allMutants } from './mutants.js';
import { runMutants } from './run-mutants.js';

const root = resolve(process.cwd());
const filter = process.argv[2] ? new RegExp(process.argv[2]) : undefined;
const mutants = allMutants(root).filter((m) => !filter || filter.test(m.name));
const outcomes = runMutants(root, mutants, (line) => console.log(line));
const bad = outcomes.filter((o) => !o.killed);
console.log(`mutation check: ${outcomes.length - bad.length} of ${outcomes.length} mutants killed`);
process.exitCode = bad.length ? 1 : 0;
