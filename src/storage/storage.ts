// The storage layer a process opens once: answers (and the AnswerStore the bots' buttons use), threads, misses
// and their clusters, feedback, the reports' queries and the sweep, over SQLite or PostgreSQL.
import type { AnswerStore } from '../chat/answer-store.js';
import type { DeliveryLedger } from '../chat/delivery-ledger.js';
import type { InstallationStore } from '../chat/installation-store.js';
import type { SeenMessages } from '../chat/seen-messages.js';
import type { ThreadStore } from '../chat/thread-store.js';
import type { StorageConfig } from '../config/storage.js';
import type { Gap } from '../learning/gap.js';
import { signatureOf } from '../learning/signature.js';
import type { DayRow, VersionRow, VoteRow } from '../learning/stats.js';
import type { DiagnoseResult } from '../types.js';
import { insertAnswer, loadAnswerResult, loadAnswerRow } from './answers.js';
import { type Database, openDatabase } from './database.js';
import { createDatabaseDeliveryLedger } from './deliveries.js';
import { type FeedbackInput, type FeedbackRecorded, recordFeedback } from './feedback.js';
import { createDatabaseInstallationStore } from './installations.js';
import { recordMiss } from './misses.js';
import { createDatabaseRateCounter, type RateCounter } from './rate-limits.js';
import { answersPerDay, countClusters, findGap, listGaps, shownPerVersion, votesSince } from './reports.js';
import { createDatabaseSeenMessages } from './seen-messages.js';
import { type SweepOutcome, sweep } from './sweep.js';
import { createDatabaseThreadStore } from './threads.js';

interface AnswerInput {
  answerId: string;
  surface: string;
  result: DiagnoseResult;
  /** The pasted text: kept (redacted) only when the answer is unmatched or low-confidence. */
  text?: string;
  /** The content hash of the top rule's file. */
  ruleVersion?: string | null;
  at?: number;
}

export interface Storage {
  kind: Database['kind'];
  where: string;
  /** What the bots and HTTP hand their buttons to. */
  answers: AnswerStore;
  threads: ThreadStore;
  /** Scale-out: deliveries answered, Slack installations, HTTP rate-limit counts — what replicas share. */
  deliveries: DeliveryLedger;
  installations: InstallationStore;
  rateCounter: RateCounter;
  seenMessages: SeenMessages;
  /** Keep one answer, and its paste when it missed. Returns the miss's cluster id, if any. */
  recordAnswer(input: AnswerInput): Promise<string | undefined>;
  recordFeedback(input: FeedbackInput): Promise<FeedbackRecorded | undefined>;
  answerRow: (answerId: string) => ReturnType<typeof loadAnswerRow>;
  gaps(options?: { since?: number; limit?: number }): Promise<Gap[]>;
  gap(clusterId: string): Promise<Gap | undefined>;
  clusterCount(): Promise<number>;
  statsRows(since: number): Promise<{ days: DayRow[]; versions: VersionRow[]; votes: VoteRow[] }>;
  /** Claim the digest of `week` for this replica: true once per week across all replicas. */
  claimDigest(week: string, at: number): Promise<boolean>;
  /** Give a claimed week back (its post failed), so the next check tries again. */
  releaseDigest(week: string): Promise<void>;
  sweep(now?: number): Promise<SweepOutcome>;
  close(): Promise<void>;
}

export async function openStorage(
  config: Pick<StorageConfig, 'dataDir' | 'databaseUrl' | 'storePastes' | 'retentionDays'>,
  now: () => number = Date.now,
): Promise<Storage> {
  const database = await openDatabase(config);
  const recordAnswer = async (input: AnswerInput) => {
    const at = input.at ?? now();
    await insertAnswer(database, {
      answerId: input.answerId,
      at,
      surface: input.surface,
      result: input.result,
      ruleVersion: input.ruleVersion ?? null,
    });
    if (input.result.matched || input.text === undefined) return undefined;
    return recordMiss(database, {
      answerId: input.answerId,
      at,
      surface: input.surface,
      text: input.text,
      signature: signatureOf(input.result.facts),
      storePastes: config.storePastes,
    });
  };
  return {
    kind: database.kind,
    where: database.where,
    answers: {
      async save(answerId, result, meta) {
        await recordAnswer({ answerId, result, surface: meta.surface, text: meta.text, ruleVersion: meta.ruleVersion });
      },
      load: (answerId) => loadAnswerResult(database, answerId),
    },
    threads: createDatabaseThreadStore(database, now),
    deliveries: createDatabaseDeliveryLedger(database, now),
    installations: createDatabaseInstallationStore(database),
    rateCounter: createDatabaseRateCounter(database, now),
    seenMessages: createDatabaseSeenMessages(database, now),
    recordAnswer,
    recordFeedback: (input) => recordFeedback(database, input),
    answerRow: (answerId) => loadAnswerRow(database, answerId),
    gaps: (options) => listGaps(database, options),
    gap: (clusterId) => findGap(database, clusterId),
    clusterCount: () => countClusters(database),
    async statsRows(since) {
      const [days, versions, votes] = await Promise.all([
        answersPerDay(database, since),
        shownPerVersion(database, since),
        votesSince(database, since),
      ]);
      return { days, versions, votes };
    },
    async claimDigest(week, at) {
      const r = await database.db
        .insertInto('digests')
        .values({ week, sent_at: at })
        .onConflict((oc) => oc.column('week').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async releaseDigest(week) {
      await database.db.deleteFrom('digests').where('week', '=', week).execute();
    },
    sweep: (at = now()) => sweep(database, at, config.retentionDays),
    close: () => database.close(),
  };
}
