// Hot reload under load: while clients keep POSTing to the HTTP API, the rules folder is replaced by a broken set
// (a schema error and a ReDoS pattern) and then by a good one. No request fails, the broken set is refused with
// file and line, the previous rules keep answering, and the good set is picked up while the load runs.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultRuleDirs } from '../../src/knowledge/load.js';
import { RuleStore } from '../../src/service/rule-store.js';
import { INVALID_KEY_TEXT, startTestServer, type TestServer } from '../http/server-harness.js';

let dir: string;
let server: TestServer;
let store: RuleStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bd-reload-load-'));
  cpSync(join(defaultRuleDirs({})[0]!, 'auth'), join(dir, 'auth'), { recursive: true });
  store = new RuleStore({ dirs: [dir] });
  server = await startTestServer({}, { rules: store });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Load {
  done: number;
  failures: string[];
  titles: Map<string, number>;
  stop(): Promise<void>;
}

/** `clients` loops POSTing the same paste until stopped; records failures and which title answered. */
function steadyLoad(clients: number): Load {
  let running = true;
  const load: Load = { done: 0, failures: [], titles: new Map(), stop: async () => {} };
  const client = async () => {
    while (running) {
      try {
        const res = await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT });
        const body = (await res.json()) as { diagnoses?: { title: string }[] };
        if (res.status !== 200) load.failures.push(`HTTP ${res.status}`);
        const title = body.diagnoses?.[0]?.title ?? '(none)';
        load.titles.set(title, (load.titles.get(title) ?? 0) + 1);
      } catch (err) {
        load.failures.push((err as Error).message);
      }
      load.done++;
    }
  };
  const all = Promise.all(Array.from({ length: clients }, client));
  load.stop = async () => {
    running = false;
    await all;
  };
  return load;
}

/** Resolves once `n` more requests have completed. */
async function whileServing(load: Load, n: number, until: () => boolean = () => true): Promise<void> {
  const target = load.done + n;
  while (load.done < target || !until()) await new Promise((r) => setTimeout(r, 5));
}

it('serves every request through a broken reload and a good one', async () => {
  const file = join(dir, 'auth', 'invalid-api-key.yaml');
  const original = readFileSync(file, 'utf8');
  const oldTitle = /^title: (.*)$/m.exec(original)?.[1]?.replace(/^"|"$/g, '') ?? '';
  const newTitle = 'Invalid API key (reloaded under load)';
  const load = steadyLoad(8);
  try {
    await whileServing(load, 200);

    // Broken: an invalid field in one file, and a new file whose regex backtracks exponentially.
    writeFileSync(file, original.replace(/^severity: .*$/m, 'severity: apocalyptic'));
    writeFileSync(
      join(dir, 'auth', 'redos.yaml'),
      [
        'id: auth.redos',
        'title: A rule whose regex backtracks exponentially',
        'category: auth',
        'severity: low',
        'cause: For the reload test.',
        'when: { fact: text, operator: matches, value: "(a|a)*b" }',
        'fix: ["Rewrite the pattern."]',
        'verify: [{ say: Nothing to run., run: "true" }]',
        'examples: { match: ["aab"], not: ["c"] }',
        '',
      ].join('\n'),
    );
    const refused = store.reload();
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/invalid-api-key\.yaml:\d+: severity/);
    expect(refused.error).toMatch(/redos\.yaml:6: when\.value: regex is unsafe.*exponential/);
    await whileServing(load, 200);
    expect(load.titles.get(newTitle)).toBeUndefined();

    // Good: the broken file removed, the title changed.
    rmSync(join(dir, 'auth', 'redos.yaml'));
    writeFileSync(file, original.replace(/^title: .*$/m, `title: ${newTitle}`));
    const accepted = store.reload();
    expect(accepted.ok).toBe(true);
    await whileServing(load, 200, () => (load.titles.get(newTitle) ?? 0) > 0);
  } finally {
    await load.stop();
  }
  console.log(
    `reload under load: ${load.done} requests, ${load.failures.length} failed; answered by the old rules ${load.titles.get(oldTitle) ?? 0}, by the reloaded ${load.titles.get(newTitle) ?? 0}`,
  );
  expect(load.failures).toEqual([]);
  expect(load.titles.get(oldTitle)).toBeGreaterThan(0);
  expect(load.titles.get(newTitle)).toBeGreaterThan(0);
  expect([...load.titles.keys()].sort()).toEqual([oldTitle, newTitle].sort());
});
