// The queries behind `gaps`, `stats` and the digest. They return plain rows; src/learning/ shapes them.
import { sql } from 'kysely';
import type { Gap } from '../learning/gap.js';
import type { Signature } from '../learning/signature.js';
import type { DayRow, VersionRow, VoteRow } from '../learning/stats.js';
import type { Database } from './database.js';
import type { Sample } from './misses.js';

type ClusterRow = {
  cluster_id: string;
  template: string;
  count: number;
  first_seen: number;
  last_seen: number;
  surfaces: string;
  samples: string;
  facts: string;
};

function gapOf(r: ClusterRow, count: number): Gap {
  return {
    clusterId: r.cluster_id,
    template: r.template,
    count,
    total: r.count,
    firstSeen: new Date(r.first_seen).toISOString(),
    lastSeen: new Date(r.last_seen).toISOString(),
    surfaces: JSON.parse(r.surfaces) as string[],
    samples: (JSON.parse(r.samples) as Sample[]).map((s) => s.text),
    facts: JSON.parse(r.facts) as Signature,
  };
}

/** Clusters by misses in the window, most first. */
export async function listGaps({ db }: Database, options: { since?: number; limit?: number } = {}): Promise<Gap[]> {
  const since = options.since ?? 0;
  const counts = await db
    .selectFrom('pastes')
    .select(['cluster_id', sql<number>`count(*)`.as('n')])
    .where('created_at', '>=', since)
    .groupBy('cluster_id')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('cluster_id')
    .limit(options.limit ?? 50)
    .execute();
  if (!counts.length) return [];
  const rows = await db
    .selectFrom('clusters')
    .selectAll()
    .where(
      'cluster_id',
      'in',
      counts.map((c) => c.cluster_id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.cluster_id, r]));
  return counts.flatMap((c) => {
    const r = byId.get(c.cluster_id);
    return r ? [gapOf(r, Number(c.n))] : [];
  });
}

export async function findGap({ db }: Database, clusterId: string): Promise<Gap | undefined> {
  const r = await db.selectFrom('clusters').selectAll().where('cluster_id', '=', clusterId).executeTakeFirst();
  return r ? gapOf(r, r.count) : undefined;
}

export async function countClusters({ db }: Database): Promise<number> {
  const r = await db.selectFrom('clusters').select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

const DAY_MS = 86_400_000;

/** Answers per UTC day since `since`, and how many were matched. */
export async function answersPerDay({ db }: Database, since: number): Promise<DayRow[]> {
  const day = sql<number>`created_at / ${sql.lit(DAY_MS)}`;
  const rows = await db
    .selectFrom('answers')
    .select([day.as('day'), sql<number>`count(*)`.as('answered'), sql<number>`sum(matched)`.as('matched')])
    .where('created_at', '>=', since)
    .groupBy(day)
    .orderBy(day)
    .execute();
  return rows.map((r) => ({ day: Number(r.day), answered: Number(r.answered), matched: Number(r.matched) }));
}

/** How often each rule version was the top answer since `since`. */
export async function shownPerVersion({ db }: Database, since: number): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('answers')
    .select(['rule_id', 'rule_version', sql<number>`count(*)`.as('shown')])
    .where('created_at', '>=', since)
    .where('rule_id', 'is not', null)
    .where('matched', '=', 1)
    .groupBy(['rule_id', 'rule_version'])
    .execute();
  return rows.map((r) => ({ ruleId: r.rule_id!, ruleVersion: r.rule_version, shown: Number(r.shown) }));
}

/** Every verdict since `since` (few: one per click). */
export async function votesSince({ db }: Database, since: number): Promise<VoteRow[]> {
  const rows = await db
    .selectFrom('feedback')
    .select(['rule_id', 'rule_version', 'verdict', 'created_at'])
    .where('created_at', '>=', since)
    .where('rule_id', 'is not', null)
    .execute();
  return rows.map((r) => ({ ruleId: r.rule_id!, ruleVersion: r.rule_version, verdict: r.verdict, at: r.created_at }));
}
