// A paste no rule matched (or matched only weakly) is kept redacted — or, with STORE_PASTES=0, only as its
// template — and joined to its Drain cluster, so the misses of one error family add up to one gap.
import { sql } from 'kysely';
import { type Signature, sharedFacts } from '../learning/signature.js';
import { bestMatch, clusterIdOf, mergeTemplate, tokenize } from '../learning/templates.js';
import { redact } from '../text/redact.js';
import type { Database } from './database.js';

/** Samples kept per cluster, and the characters kept of each stored paste. */
const SAMPLES_PER_CLUSTER = 3;
const PASTE_CHARS = 4000;
/** Templates of one length compared per miss: the recent ones, so a flood of families stays cheap. */
const CANDIDATES = 500;

export interface Sample {
  answerId: string;
  at: number;
  text: string;
}

export interface MissInput {
  answerId: string;
  at: number;
  surface: string;
  text: string;
  signature: Signature;
  storePastes: boolean;
}

/** Store one miss and count it in its cluster; returns the cluster id (undefined for an empty paste). */
export async function recordMiss(database: Database, miss: MissInput): Promise<string | undefined> {
  const clean = redact(miss.text).text.slice(0, PASTE_CHARS);
  const tokens = tokenize(clean);
  if (!tokens.length) return undefined;
  const own = tokens.join(' ');
  const sample: Sample = { answerId: miss.answerId, at: miss.at, text: miss.storePastes ? clean : own };
  return database.db.transaction().execute(async (trx) => {
    // Replicas cluster one miss at a time: merging a template is a read-modify-write.
    if (database.kind === 'postgres') await sql`select pg_advisory_xact_lock(4242, 15)`.execute(trx);
    const rows = await trx
      .selectFrom('clusters')
      .selectAll()
      .where('token_count', '=', tokens.length)
      .orderBy('last_seen', 'desc')
      .limit(CANDIDATES)
      .execute();
    const best = bestMatch(
      rows.map((r) => ({ row: r, tokens: r.template.split(' ') })),
      tokens,
    );
    let clusterId: string;
    if (best) {
      const r = best.row;
      clusterId = r.cluster_id;
      const surfaces = new Set<string>(JSON.parse(r.surfaces) as string[]).add(miss.surface);
      const samples = JSON.parse(r.samples) as Sample[];
      if (samples.length < SAMPLES_PER_CLUSTER && !samples.some((s) => s.text === sample.text)) samples.push(sample);
      await trx
        .updateTable('clusters')
        .set({
          template: mergeTemplate(best.tokens, tokens).join(' '),
          count: sql`count + 1`,
          last_seen: Math.max(r.last_seen, miss.at),
          first_seen: Math.min(r.first_seen, miss.at),
          surfaces: JSON.stringify([...surfaces].sort()),
          samples: JSON.stringify(samples),
          facts: JSON.stringify(sharedFacts(JSON.parse(r.facts) as Signature, miss.signature)),
        })
        .where('cluster_id', '=', clusterId)
        .execute();
    } else {
      clusterId = clusterIdOf(tokens);
      await trx
        .insertInto('clusters')
        .values({
          cluster_id: clusterId,
          token_count: tokens.length,
          template: own,
          count: 1,
          first_seen: miss.at,
          last_seen: miss.at,
          surfaces: JSON.stringify([miss.surface]),
          samples: JSON.stringify([sample]),
          facts: JSON.stringify(miss.signature),
        })
        // The same founding template seen again after its cluster fell out of the candidate window.
        .onConflict((oc) => oc.column('cluster_id').doUpdateSet({ count: sql`clusters.count + 1`, last_seen: miss.at }))
        .execute();
    }
    await trx
      .insertInto('pastes')
      .values({
        answer_id: miss.answerId,
        created_at: miss.at,
        surface: miss.surface,
        cluster_id: clusterId,
        text: miss.storePastes ? clean : null,
        template: own,
      })
      .onConflict((oc) => oc.column('answer_id').doNothing())
      .execute();
    return clusterId;
  });
}
