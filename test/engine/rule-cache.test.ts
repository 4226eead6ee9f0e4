import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type IndexedRuleSet, loadRules } from '../../src/engine/rule-set.js';
import { extractFacts } from '../../src/facts/index.js';
import { RuleLoadError } from '../../src/knowledge/load.js';

const BUNDLED = join(import.meta.dirname, '../../rules');
const temps: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'rule-cache-'));
  temps.push(d);
  return d;
};
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

function copyOfRules(): { dir: string; file: string } {
  const dir = temp();
  cpSync(BUNDLED, dir, { recursive: true });
  const category = readdirSync(dir, { withFileTypes: true }).find((e) => e.isDirectory() && !e.name.startsWith('_'))
    ?.name as string;
  const name = readdirSync(join(dir, category)).find((f) => f.endsWith('.yaml')) as string;
  return { dir, file: join(dir, category, name) };
}

/** Whether both sets select the same candidates for every rule example's text. */
function sameSelections(a: IndexedRuleSet, b: IndexedRuleSet): boolean {
  const texts = b.rules.flatMap((r) => [...r.examples.match, ...r.examples.not].map((e) => e.text));
  expect(texts.length).toBeGreaterThan(100);
  return texts.every((text) => {
    const facts = extractFacts(text, []);
    return a.candidates(facts).join() === b.candidates(facts).join();
  });
}

describe('rule cache', () => {
  it('serves the same rules and index from the cache as from a fresh load', () => {
    const { dir } = copyOfRules();
    const cacheDir = temp();
    const fresh = loadRules([dir], { cacheDir: null });
    const first = loadRules([dir], { cacheDir });
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const cached = loadRules([dir], { cacheDir });
    expect(cached.rules).toEqual(fresh.rules);
    expect(first.rules).toEqual(fresh.rules);
    expect(cached.indexStats).toEqual(fresh.indexStats);
  });

  it("keeps the index's built scanner: a set from the cache selects what a fresh one selects, on every example", () => {
    const { dir } = copyOfRules();
    const cacheDir = temp();
    const fresh = loadRules([dir], { cacheDir: null });
    loadRules([dir], { cacheDir });
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.scan'))).toHaveLength(1);
    const cached = loadRules([dir], { cacheDir });
    expect(sameSelections(cached, fresh)).toBe(true);
  });

  it('a damaged or missing scanner file costs only the scanner: it is built afresh', () => {
    const { dir } = copyOfRules();
    const cacheDir = temp();
    const fresh = loadRules([dir], { cacheDir: null });
    loadRules([dir], { cacheDir });
    const scan = join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.scan')) as string);
    const whole = readFileSync(scan);
    for (const damaged of [whole.subarray(0, whole.length - 2), Buffer.concat([Buffer.from('x'), whole.subarray(1)])]) {
      writeFileSync(scan, damaged);
      const set = loadRules([dir], { cacheDir });
      expect(set.rules).toEqual(fresh.rules);
      expect(sameSelections(set, fresh)).toBe(true);
    }
    rmSync(scan);
    expect(sameSelections(loadRules([dir], { cacheDir }), fresh)).toBe(true);
  });

  it('reads the cache when it matches: a planted marker in the cached rules shows through', () => {
    const { dir } = copyOfRules();
    const cacheDir = temp();
    loadRules([dir], { cacheDir });
    const file = join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.json')) as string);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.rules[0].title = 'planted by the test';
    writeFileSync(file, JSON.stringify(data));
    expect(loadRules([dir], { cacheDir }).rules[0]?.title).toBe('planted by the test');
  });

  it('sees an edited rule file at once', () => {
    const { dir, file } = copyOfRules();
    const cacheDir = temp();
    const before = loadRules([dir], { cacheDir });
    const source = readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited title');
    writeFileSync(file, source);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const after = loadRules([dir], { cacheDir });
    expect(after.rules.map((r) => r.title)).toContain('Edited title');
    expect(before.rules.map((r) => r.title)).not.toContain('Edited title');
  });

  it('sees an edited snippet at once: the rules that include it change', () => {
    const { dir } = copyOfRules();
    const cacheDir = temp();
    const ping = join(dir, '_snippets', 'ping.yaml');
    const runs = (set: ReturnType<typeof loadRules>) => set.rules.flatMap((r) => r.verify.map((v) => v.run));
    expect(runs(loadRules([dir], { cacheDir }))).not.toContain('curl -sS edited');
    writeFileSync(ping, 'description: edited\ntext: curl -sS edited\n');
    utimesSync(ping, new Date(), new Date(Date.now() + 5000));
    expect(runs(loadRules([dir], { cacheDir }))).toContain('curl -sS edited');
  });

  it('never serves a broken set from the cache', () => {
    const { dir, file } = copyOfRules();
    const cacheDir = temp();
    loadRules([dir], { cacheDir });
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nseverity: [broken\n`);
    expect(() => loadRules([dir], { cacheDir })).toThrow(RuleLoadError);
  });

  it('notices an added rule file', () => {
    const { dir, file } = copyOfRules();
    const cacheDir = temp();
    const before = loadRules([dir], { cacheDir }).rules.length;
    const copy = file.replace(/\.yaml$/, '-copy.yaml');
    const id = (readFileSync(file, 'utf8').match(/^id: (.*)$/m)?.[1] ?? '').trim();
    writeFileSync(copy, readFileSync(file, 'utf8').replace(/^id: .*$/m, `id: ${id}-copy`));
    expect(loadRules([dir], { cacheDir }).rules.length).toBe(before + 1);
  });
});

describe('rule cache housekeeping', () => {
  it('keeps only the most recent cache files', () => {
    const cacheDir = temp();
    const { dir } = copyOfRules();
    for (let i = 0; i < 10; i++) writeFileSync(join(cacheDir, `rules-${String(i).padStart(16, '0')}.json`), '{}');
    loadRules([dir], { cacheDir });
    const left = readdirSync(cacheDir).filter((f) => f.startsWith('rules-') && f.endsWith('.json'));
    expect(left.length).toBe(8);
  });
});
