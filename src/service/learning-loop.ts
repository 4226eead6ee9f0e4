// The learning loop a running process holds: every answer kept (with its miss, when it missed), feedback filed
// against the rule version it judged, and the gaps and stats reports — over the storage layer, with the rule in
// service telling each answer's rule version. A storage failure never costs an answer: it is logged, counted
// (for /metrics) and the answer goes out anyway.
import { randomUUID } from 'node:crypto';
import type { AnswerMeta, AnswerStore } from '../chat/answer-store.js';
import type { DeliveryLedger } from '../chat/delivery-ledger.js';
import type { InstallationStore } from '../chat/installation-store.js';
import type { SeenMessages } from '../chat/seen-messages.js';
import type { ThreadStore } from '../chat/thread-store.js';
import { parseStorageConfig, type StorageConfig } from '../config/storage.js';
import { StorageError } from '../errors.js';
import { type DraftRule, draftRule } from '../learning/draft.js';
import type { Gap } from '../learning/gap.js';
import { type Stats, shapeStats } from '../learning/stats.js';
import type { FeedbackRecorded, Verdict } from '../storage/feedback.js';
import type { RateCounter } from '../storage/rate-limits.js';
import type { Storage } from '../storage/storage.js';
import type { DiagnoseResult } from '../types.js';
import { sharedRuleStore } from './rule-store.js';

type Surface = AnswerMeta['surface'];

/** Where the loop reports a storage failure (a pino logger fits). Never handed a pasted text or a key. */
export interface LoopLog {
  warn(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
}

/** What /metrics shows about storage. */
interface LoopCounters {
  storageErrors: number;
  sweepRuns: number;
  sweepFailures: number;
}

export interface LearningLoop {
  readonly config: StorageConfig;
  /** `sqlite (/path/data/bailian-doctor.sqlite)` or `postgres (postgres://host:5432/db)`: safe to log. */
  readonly where: string;
  /** The buttons' store: save keeps the answer (and its miss); failures are counted, then thrown to the caller. */
  readonly answers: AnswerStore;
  readonly threads: ThreadStore;
  /**
   * What replicas share to scale out (issue 18): the delivery ledger (exactly-once answers), Slack installations,
   * and the HTTP rate-limit counter. `replicas` is true on PostgreSQL, where several processes may share the data.
   */
  readonly scale: SharedState;
  /** Keep an answer under a fresh id and return the id; a storage failure is logged and counted, never thrown. */
  record(
    result: DiagnoseResult,
    meta: { surface: Surface; text?: string; ruleVersion?: string | null },
  ): Promise<string>;
  /** File a verdict. Undefined: no such answer. Throws when storage fails (the caller says so honestly). */
  feedback(input: {
    answerId: string;
    verdict: Verdict;
    surface: Surface;
    voter?: string;
  }): Promise<FeedbackRecorded | undefined>;
  gaps(options?: { since?: number; limit?: number }): Promise<Gap[]>;
  draft(clusterId: string): Promise<DraftRule | undefined>;
  stats(options?: { since?: number }): Promise<Stats>;
  clusterCount(): Promise<number>;
  /** Claim the weekly digest of `week` for this replica: true exactly once per week across replicas. */
  claimDigest(week: string, at: number): Promise<boolean>;
  releaseDigest(week: string): Promise<void>;
  counters(): LoopCounters;
  /** Run the retention sweep now (it also runs at open and every SWEEP_EVERY_MS). */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

export interface SharedState {
  replicas: boolean;
  deliveries: DeliveryLedger;
  installations: InstallationStore;
  rateCounter: RateCounter;
  seenMessages: SeenMessages;
}

export interface LoopOptions {
  log?: LoopLog;
  now?: () => number;
  /** The top rule's version (Rule.version), from the rules in service. */
  ruleVersion?: (ruleId: string) => string | undefined;
  /** Run the periodic sweep (default true; the CLI's one-shot commands turn it off). */
  sweepTimer?: boolean;
}

/**
 * The storage code, loaded on first use: its drivers (better-sqlite3, pg) and Kysely are optional packages, so
 * the library and `diagnose` never need them; a surface without them stops with the command that installs them.
 */
async function loadStorage(postgres: boolean): Promise<typeof import('../storage/storage.js').openStorage> {
  try {
    const mod = await import('../storage/storage.js');
    // The driver of the chosen backend is imported when the database opens; check it here for the same message.
    await (postgres ? import('pg') : import('better-sqlite3'));
    return mod.openStorage;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const name =
      e.code === 'ERR_MODULE_NOT_FOUND'
        ? /Cannot find (?:package|module) '([^']+)'/.exec(e.message ?? '')?.[1]
        : undefined;
    if (!name) throw err;
    throw new StorageError(
      'STORAGE_PACKAGE_MISSING',
      `keeping answers needs ${name}, which a library install of bailian-doctor leaves out; install it next to ` +
        `bailian-doctor: npm i kysely@^0.28 ${postgres ? 'pg@^8' : 'better-sqlite3@^12'}`,
      err,
    );
  }
}

/** How often the retention sweep runs in a long-running process. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;
/** The stats window when none is asked for. */
const DEFAULT_STATS_DAYS = 30;

const stderrLog: LoopLog = {
  warn: (obj, msg) => void process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...obj })}\n`),
  info: () => {},
};

export async function openLearningLoop(env: NodeJS.ProcessEnv, options: LoopOptions = {}): Promise<LearningLoop> {
  const config = parseStorageConfig(env);
  const now = options.now ?? Date.now;
  const log = options.log ?? stderrLog;
  const storage: Storage = await (await loadStorage(config.databaseUrl !== undefined))(config, now);
  const counters: LoopCounters = { storageErrors: 0, sweepRuns: 0, sweepFailures: 0 };
  const failed = (op: string, err: unknown) => {
    counters.storageErrors++;
    log.warn({ event: 'storage_failed', op, error: (err as Error)?.message }, `storage: ${op} failed`);
  };
  const versionOf = (result: DiagnoseResult) => {
    const top = result.diagnoses[0];
    return top ? (options.ruleVersion?.(top.id) ?? null) : null;
  };
  const answers: AnswerStore = {
    async save(answerId, result, meta) {
      try {
        await storage.recordAnswer({
          answerId,
          result,
          surface: meta.surface,
          text: meta.text,
          ruleVersion: meta.ruleVersion ?? versionOf(result),
        });
      } catch (err) {
        counters.storageErrors++;
        throw err;
      }
    },
    async load(answerId) {
      try {
        return await storage.answers.load(answerId);
      } catch (err) {
        failed('load_answer', err);
        return undefined;
      }
    },
  };
  const sweep = async () => {
    try {
      const outcome = await storage.sweep();
      counters.sweepRuns++;
      log.info({ event: 'storage_sweep', ...outcome }, 'retention sweep');
    } catch (err) {
      counters.sweepFailures++;
      failed('sweep', err);
    }
  };
  await sweep();
  const timer = options.sweepTimer === false ? undefined : setInterval(() => void sweep(), SWEEP_EVERY_MS);
  timer?.unref();
  return {
    config,
    where: `${storage.kind} (${storage.where})`,
    answers,
    threads: storage.threads,
    scale: {
      replicas: storage.kind === 'postgres',
      deliveries: storage.deliveries,
      installations: storage.installations,
      rateCounter: storage.rateCounter,
      seenMessages: storage.seenMessages,
    },
    async record(result, meta) {
      const answerId = randomUUID();
      try {
        await storage.recordAnswer({ answerId, result, ...meta, ruleVersion: meta.ruleVersion ?? versionOf(result) });
      } catch (err) {
        failed('record_answer', err);
      }
      return answerId;
    },
    async feedback(input) {
      try {
        return await storage.recordFeedback({ ...input, at: now() });
      } catch (err) {
        failed('record_feedback', err);
        throw err;
      }
    },
    gaps: (o) => storage.gaps(o),
    async draft(clusterId) {
      const gap = await storage.gap(clusterId);
      return gap ? draftRule(gap) : undefined;
    },
    async stats(o = {}) {
      const at = now();
      const since = o.since ?? at - DEFAULT_STATS_DAYS * 86_400_000;
      return shapeStats(await storage.statsRows(since), { since, now: at });
    },
    clusterCount: () => storage.clusterCount(),
    claimDigest: (week, at) => storage.claimDigest(week, at),
    releaseDigest: (week) => storage.releaseDigest(week),
    counters: () => ({ ...counters }),
    sweep,
    async close() {
      clearInterval(timer);
      await storage.close();
    },
  };
}

let shared: { loop: Promise<LearningLoop>; users: number } | undefined;

/**
 * The process-wide loop every surface of one `npm start` shares: one database connection, one sweep timer.
 * Reference-counted: each surface calls it once and calls release on stop; the last release closes it. Rule
 * versions come from the shared rule store, so they follow a reload.
 */
export async function acquireSharedLearningLoop(
  env: NodeJS.ProcessEnv,
  options: Omit<LoopOptions, 'ruleVersion'> = {},
): Promise<{ loop: LearningLoop; release: () => Promise<void> }> {
  if (!shared) {
    const rules = sharedRuleStore(env);
    const loop = openLearningLoop(env, { ...options, ruleVersion: (id) => rules.current().get(id)?.version });
    shared = { loop, users: 0 };
    loop.catch(() => {
      shared = undefined;
    });
  }
  const mine = shared;
  mine.users++;
  let loop: LearningLoop;
  try {
    loop = await mine.loop;
  } catch (err) {
    mine.users--;
    throw err;
  }
  let released = false;
  return {
    loop,
    async release() {
      if (released) return;
      released = true;
      if (--mine.users === 0) {
        if (shared === mine) shared = undefined;
        await loop.close();
      }
    },
  };
}
