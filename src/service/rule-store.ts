// The rules a running process serves, swappable while it runs. Every surface asks the store for the current
// RuleSet per request, so a reload (SIGHUP, or a file change under RULES_WATCH=1) takes effect at once.
// A reload that fails keeps serving the previous set: a typo in one YAML file must not take the service down.
import { type FSWatcher, watch } from 'node:fs';
import { rulesWatch } from '../config/rules.js';
import { loadRules, type RuleSet } from '../engine/rule-set.js';
import { defaultRuleDirs } from '../knowledge/load.js';
import { prewarmRuleRegexes } from '../knowledge/prewarm.js';

export interface ReloadOutcome {
  ok: boolean;
  at: Date;
  /** Rules served after the attempt (the previous count when it failed). */
  rules: number;
  /** Why the attempt failed (`file:line: field: message` lines for invalid rules). */
  error?: string;
}

export interface RuleStoreStatus {
  ready: boolean;
  rules: number;
  loadedAt: string | null;
  lastReload: { ok: boolean; at: string; error: string | null } | null;
}

export interface RuleStoreOptions {
  dirs?: string[];
  /** Replaces `loadRules` (tests). */
  load?: (dirs: string[]) => RuleSet;
  /** Called after every reload attempt, for logs and metrics. */
  onReload?: (outcome: ReloadOutcome) => void;
}

export class RuleStore {
  readonly dirs: string[];
  private set: RuleSet | undefined;
  private last: ReloadOutcome | undefined;
  private readonly load: (dirs: string[]) => RuleSet;
  private readonly listeners = new Set<(outcome: ReloadOutcome) => void>();
  private pending: Promise<ReloadOutcome> | undefined;

  constructor(options: RuleStoreOptions = {}) {
    this.dirs = options.dirs ?? defaultRuleDirs();
    this.load = options.load ?? loadRules;
    if (options.onReload) this.listeners.add(options.onReload);
  }

  /** A store already holding `rules` (tests, benchmarks, embedding). */
  static of(rules: RuleSet, options: RuleStoreOptions = {}): RuleStore {
    const store = new RuleStore({ dirs: [...rules.dirs], ...options });
    store.set = rules;
    return store;
  }

  /** The rules to use now. Loads them on first use; throws RuleLoadError if that first load fails. */
  current(): RuleSet {
    if (!this.set) {
      this.set = this.load(this.dirs);
    }
    return this.set;
  }

  /** Load a fresh set from disk. On failure the previous set stays in service and the error is recorded. */
  reload(): ReloadOutcome {
    const at = new Date();
    let outcome: ReloadOutcome;
    try {
      this.set = this.load(this.dirs);
      outcome = { ok: true, at, rules: this.set.rules.length };
    } catch (err) {
      outcome = { ok: false, at, rules: this.set?.rules.length ?? 0, error: (err as Error).message };
    }
    this.last = outcome;
    for (const listener of this.listeners) listener(outcome);
    return outcome;
  }

  /**
   * Reload without blocking the event loop on regex checks: the patterns' verdicts are computed off the main thread
   * first (prewarm.ts), then the load runs on cached verdicts. What SIGHUP and RULES_WATCH use in a server.
   * Concurrent calls share one reload.
   */
  reloadInBackground(): Promise<ReloadOutcome> {
    this.pending ??= (async () => {
      try {
        await prewarmRuleRegexes(this.dirs);
      } catch {
        // The load itself reports what is wrong.
      }
      return this.reload();
    })().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Be told about every reload attempt; returns the unsubscribe function. */
  onReload(listener: (outcome: ReloadOutcome) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): RuleStoreStatus {
    return {
      ready: this.set !== undefined,
      rules: this.set?.rules.length ?? 0,
      loadedAt: this.set?.loadedAt.toISOString() ?? null,
      lastReload: this.last
        ? { ok: this.last.ok, at: this.last.at.toISOString(), error: this.last.error ?? null }
        : null,
    };
  }

  /**
   * Reload when a file under the rule folders changes. Editors write a file in several steps (truncate,
   * write, rename), so changes are debounced into one reload. Returns the function that stops watching.
   */
  watch(debounceMs = 250): () => void {
    let timer: NodeJS.Timeout | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.reloadInBackground(), debounceMs);
    };
    const watchers: FSWatcher[] = [];
    for (const dir of this.dirs) {
      try {
        watchers.push(watch(dir, { recursive: true, persistent: false }, schedule));
      } catch (err) {
        // A missing folder is reported by the reload itself; keep watching the others.
        const outcome: ReloadOutcome = {
          ok: false,
          at: new Date(),
          rules: this.set?.rules.length ?? 0,
          error: `cannot watch ${dir}: ${(err as Error).message}`,
        };
        for (const listener of this.listeners) listener(outcome);
      }
    }
    for (const w of watchers) w.on('error', schedule);
    return () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    };
  }
}

let shared: RuleStore | undefined;

/**
 * The process-wide store every surface in one `npm start` shares, so the HTTP API, Slack and Discord always
 * answer from the same rules and one SIGHUP reloads them all.
 */
export function sharedRuleStore(env: NodeJS.ProcessEnv = process.env): RuleStore {
  shared ??= new RuleStore({ dirs: defaultRuleDirs(env) });
  return shared;
}

let autoUsers = 0;
let stopAuto: (() => void) | undefined;

/**
 * Reload the shared store on SIGHUP, and on file change when RULES_WATCH=1. Reference-counted: each surface
 * calls it once and calls the returned release on stop; the signal handler and watcher go with the last one.
 */
export function autoReloadSharedRules(env: NodeJS.ProcessEnv = process.env): () => void {
  const store = sharedRuleStore(env);
  if (autoUsers++ === 0) {
    const onHup = () => {
      void store.reloadInBackground();
    };
    process.on('SIGHUP', onHup);
    const unwatch = rulesWatch(env) ? store.watch() : undefined;
    stopAuto = () => {
      process.off('SIGHUP', onHup);
      unwatch?.();
    };
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--autoUsers === 0) {
      stopAuto?.();
      stopAuto = undefined;
    }
  };
}
