// CACHE_DIR: the rule-set cache goes where it says (a container with a read-only root filesystem needs that).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configuredCacheDir } from '../../src/config/rules.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'bd-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CACHE_DIR', () => {
  it('is resolved against the working directory, and unset means the default', () => {
    expect(configuredCacheDir({})).toBeUndefined();
    expect(configuredCacheDir({ CACHE_DIR: '  ' })).toBeUndefined();
    expect(configuredCacheDir({ CACHE_DIR: 'cache' })).toBe(join(process.cwd(), 'cache'));
  });

  it('the CLI writes its rule cache there', () => {
    const cache = join(dir, 'cache');
    const r = runCli(['diagnose', 'InvalidApiKey dashscope'], undefined, { CACHE_DIR: cache });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
  });
});
