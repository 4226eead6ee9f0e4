// RuleStore: the swappable rule set every surface serves from.
import { describe, expect, it } from 'vitest';
import { createRuleSet, type RuleSet } from '../../src/engine/rule-set.js';
import { RuleLoadError } from '../../src/knowledge/load.js';
import { autoReloadSharedRules, RuleStore, sharedRuleStore } from '../../src/service/rule-store.js';

const set = (): RuleSet => createRuleSet([], ['/nowhere']);
const broken = () => new RuleLoadError([{ file: 'x.yaml', line: 3, field: 'severity', message: 'must be one of …' }]);

describe('RuleStore', () => {
  it('loads on first use and reports ready', () => {
    const first = set();
    const store = new RuleStore({ dirs: ['/nowhere'], load: () => first });
    expect(store.status().ready).toBe(false);
    expect(store.current()).toBe(first);
    expect(store.status()).toMatchObject({ ready: true, lastReload: null });
  });

  it('throws when the first load fails: there is nothing to fall back to', () => {
    const store = new RuleStore({
      dirs: [],
      load: () => {
        throw broken();
      },
    });
    expect(() => store.current()).toThrow(RuleLoadError);
  });

  it('keeps the previous set when a reload fails, and records why', () => {
    let fail = false;
    const store = new RuleStore({
      dirs: [],
      load: () => {
        if (fail) throw broken();
        return set();
      },
    });
    const initial = store.current();
    expect(store.reload().ok).toBe(true);
    const served = store.current();
    expect(served).not.toBe(initial);
    fail = true;
    const outcome = store.reload();
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toContain('x.yaml:3: severity');
    expect(store.current()).toBe(served);
    expect(store.status().lastReload).toMatchObject({ ok: false, error: expect.stringContaining('x.yaml:3') });
    fail = false;
    expect(store.reload().ok).toBe(true);
    expect(store.status().lastReload).toMatchObject({ ok: true, error: null });
  });

  it('tells listeners about every attempt until they unsubscribe', () => {
    const store = RuleStore.of(set(), { load: () => set() });
    const seen: boolean[] = [];
    const off = store.onReload((o) => seen.push(o.ok));
    store.reload();
    off();
    store.reload();
    expect(seen).toEqual([true]);
  });
});

describe('autoReloadSharedRules', () => {
  it('reloads the shared store on SIGHUP while any surface holds it, and lets go with the last', async () => {
    const base = process.listenerCount('SIGHUP');
    const store = sharedRuleStore();
    const attempts: boolean[] = [];
    const off = store.onReload((o) => attempts.push(o.ok));
    const releaseA = autoReloadSharedRules({ RULES_WATCH: '0' });
    const releaseB = autoReloadSharedRules({ RULES_WATCH: '0' });
    expect(process.listenerCount('SIGHUP')).toBe(base + 1);
    // emit() runs the handlers without sending a real signal to the test process.
    process.emit('SIGHUP');
    // The reload checks regexes off the main thread first, so it lands a little later.
    await expect.poll(() => attempts.length, { timeout: 20_000 }).toBe(1);
    releaseA();
    releaseA();
    expect(process.listenerCount('SIGHUP')).toBe(base + 1);
    releaseB();
    expect(process.listenerCount('SIGHUP')).toBe(base);
    off();
  });
});
