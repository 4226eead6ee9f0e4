// Hostile rule files: exponential, polynomial, lookaround and bounded-repeat patterns, alias bombs and oversized
// files are each refused with file and line within a fixed time — at load, and by a reload (what SIGHUP runs) in
// a live server under load, which keeps answering /healthz and requests meanwhile. Before, `((?=a)a|a)*$` hung
// `rules lint`, start-up and the server (CPU pinned, /healthz dead, SIGTERM ignored).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRuleDirs, loadRuleFiles, MAX_RULE_FILE_BYTES, RuleLoadError } from '../../src/knowledge/load.js';
import { configureRegexSafety } from '../../src/knowledge/regex-safety.js';
import { RuleStore } from '../../src/service/rule-store.js';
import { INVALID_KEY_TEXT, startTestServer } from '../http/server-harness.js';
import { ruleWithPattern } from './rule-files.js';

/** Every refusal must come within this, whatever the pattern (the checker's deadlines are 3 s per call). */
const REFUSAL_MS = 20_000;

const ruleWith = (id: string, pattern: string) => ruleWithPattern(id, 'matches', pattern, 'A hostile rule');

const aliasBomb = () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
};

// [file, content, line of the problem, what the message says]
const HOSTILE: Array<[string, string, number, RegExp]> = [
  ['exponential.yaml', ruleWith('exponential', '(a|a)*b'), 9, /unsafe.*exponential/],
  ['polynomial.yaml', ruleWith('polynomial', '\\s+\\s+x'), 9, /unsafe.*polynomial/],
  ['lookahead.yaml', ruleWith('lookahead', '((?=a)a|a)*$'), 9, /unsafe/],
  ['lookbehind.yaml', ruleWith('lookbehind', '(?<=q)(a|a)*$'), 9, /unsafe/],
  ['bounded-alternation.yaml', ruleWith('bounded-alternation', '(?:a|b|ab){0,60}c'), 9, /unsafe/],
  ['bounded-classes.yaml', ruleWith('bounded-classes', 'probe[^\\n]{0,2000}[^\\n]{0,2000}!'), 9, /unsafe/],
  ['alias-bomb.yaml', aliasBomb(), 2, /alias/i],
  ['oversized.yaml', `# ${'x'.repeat(MAX_RULE_FILE_BYTES)}\n${ruleWith('oversized', 'x')}`, 1, /at most \d+ bytes/],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bd-hostile-'));
  // No disk cache: every run checks from scratch, as a first start would.
  configureRegexSafety({ cacheFile: null, recheck: true });
});
afterAll(() => {
  configureRegexSafety({ cacheFile: 'default', recheck: true });
  rmSync(dir, { recursive: true, force: true });
});

function folderWith(name: string, content: string): string {
  const root = join(dir, name.replace('.yaml', ''));
  mkdirSync(join(root, 'other'), { recursive: true });
  writeFileSync(join(root, 'other', name), content);
  return root;
}

describe('rule load refuses each hostile file with file and line, in bounded time', () => {
  it.each(HOSTILE)(
    '%s',
    (name, content, line, message) => {
      const root = folderWith(name, content);
      const started = Date.now();
      let error: unknown;
      try {
        loadRuleFiles([root]);
      } catch (err) {
        error = err;
      }
      const ms = Date.now() - started;
      expect(error).toBeInstanceOf(RuleLoadError);
      const problem = (error as RuleLoadError).problems[0]!;
      expect(problem.file).toContain(name);
      expect(problem.line).toBe(line);
      expect(problem.message).toMatch(message);
      expect(ms).toBeLessThan(REFUSAL_MS);
    },
    60_000,
  );
});

describe('a reload in a live server under load', () => {
  it('refuses the hostile set with file and line, keeps serving, and /healthz keeps answering', async () => {
    // A fresh process's memory: the verdicts are computed during the reload, not remembered from above.
    configureRegexSafety({ cacheFile: null, recheck: true });
    const root = join(dir, 'live');
    cpSync(join(defaultRuleDirs({})[0]!, 'auth'), join(root, 'auth'), { recursive: true });
    const store = new RuleStore({ dirs: [root] });
    const server = await startTestServer({}, { rules: store });
    try {
      mkdirSync(join(root, 'other'), { recursive: true });
      for (const [name, content] of HOSTILE.slice(2, 6)) writeFileSync(join(root, 'other', name), content);
      let running = true;
      const failures: string[] = [];
      let answered = 0;
      let slowestHealthMs = 0;
      const load = (async () => {
        while (running) {
          const res = await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT });
          if (res.status !== 200) failures.push(`HTTP ${res.status}`);
          await res.arrayBuffer();
          answered++;
        }
      })();
      const probe = (async () => {
        while (running) {
          const t = Date.now();
          const res = await server.get('/healthz');
          slowestHealthMs = Math.max(slowestHealthMs, Date.now() - t);
          if (res.status !== 200) failures.push(`healthz ${res.status}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const started = Date.now();
      // What the SIGHUP handler runs.
      const outcome = await store.reloadInBackground();
      const ms = Date.now() - started;
      running = false;
      await Promise.all([load, probe]);
      console.log(
        `hostile reload: refused in ${ms} ms; ${answered} requests answered meanwhile; slowest /healthz ${slowestHealthMs} ms`,
      );
      expect(outcome.ok).toBe(false);
      for (const [name] of HOSTILE.slice(2, 6)) expect(outcome.error).toMatch(new RegExp(`${name}:9: `));
      expect(store.current().rules.length).toBeGreaterThan(0);
      expect(failures).toEqual([]);
      expect(answered).toBeGreaterThan(0);
      expect(ms).toBeLessThan(REFUSAL_MS * 2);
      // The checks ran off the main thread: a probe never waited for them.
      expect(slowestHealthMs).toBeLessThan(1500);
    } finally {
      await server.close();
    }
  }, 120_000);
});
