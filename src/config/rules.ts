// RULES_DIR (extra rule folders) and RULES_WATCH (reload on file change): read by every surface that serves rules.
import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { readSwitch, readVar } from './env.js';

/** RULES_DIR: comma-separated folders loaded after the bundled rules, resolved against the working directory. */
export function extraRuleDirs(env: NodeJS.ProcessEnv): string[] {
  return (readVar(env, 'RULES_DIR') ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => resolve(d));
}

/**
 * CACHE_DIR: where derived data (the validated rule set, regex verdicts) is kept instead of node_modules/.cache —
 * a container with a read-only root filesystem points it at a writable volume. Resolved against the working
 * directory; undefined when unset.
 */
export function configuredCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = readVar(env, 'CACHE_DIR');
  return dir === undefined ? undefined : resolve(dir);
}

/** RULES_WATCH: 1/0 (true/false, yes/no, on/off); default off. */
export function rulesWatch(env: NodeJS.ProcessEnv): boolean {
  const on = readSwitch(env, 'RULES_WATCH');
  if (on === undefined)
    throw new ConfigError(`RULES_WATCH must be 1 or 0, got "${readVar(env, 'RULES_WATCH')}"`, ['RULES_WATCH']);
  return on;
}
