// The fact extractors' regex literals are cached between processes (src/facts/anchor-cache.ts): what is cached is
// exactly what the derivation gives, and a corrupt cache only costs the derivation again.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/scan/regex-literals.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'bd-anchor-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PASTE = `openai.AuthenticationError: Error code: 401 - {'error': {'code': 'invalid_api_key'}} dashscope`;
const file = join(dir, 'regex-literals.json');
const entries = () => (JSON.parse(readFileSync(file, 'utf8')) as { entries: [string, string[] | null][] }).entries;

describe('the regex-literal cache', () => {
  const fresh = runCli(['diagnose', '--json', PASTE], undefined, { CACHE_DIR: dir, DATA_DIR: '' });

  it('holds, for every extractor regex, what requiredLiterals derives', () => {
    expect(fresh.status, fresh.stderr).toBe(0);
    const all = entries();
    expect(all.length).toBeGreaterThan(50);
    for (const [source, literals] of all) expect(literals ?? undefined).toEqual(requiredLiterals(source));
  });

  it('a start served from it answers as a fresh one', () => {
    const again = runCli(['diagnose', '--json', PASTE], undefined, { CACHE_DIR: dir, DATA_DIR: '' });
    expect(again.stdout).toBe(fresh.stdout);
  });

  it('a corrupt or foreign cache is derived afresh and rewritten', () => {
    for (const junk of ['{not json', JSON.stringify({ key: 'other', entries: [['sk-', ['zzz']]] })]) {
      writeFileSync(file, junk);
      const r = runCli(['diagnose', '--json', PASTE], undefined, { CACHE_DIR: dir, DATA_DIR: '' });
      expect(r.stdout).toBe(fresh.stdout);
      expect(entries().length).toBeGreaterThan(50);
    }
  });
});
