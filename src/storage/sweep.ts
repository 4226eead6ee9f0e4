// The retention sweep: what is older than RETENTION_DAYS goes — stored pastes, the samples and clusters they fed,
// answers and their feedback — and quiet threads past their TTL. Runs at start and then periodically.
import type { Database } from './database.js';
import type { Sample } from './misses.js';
import { THREAD_TTL_MS } from './threads.js';

export interface SweepOutcome {
  pastes: number;
  answers: number;
  clusters: number;
}

export async function sweep(database: Database, now: number, retentionDays: number): Promise<SweepOutcome> {
  const cutoff = now - retentionDays * 86_400_000;
  return database.db.transaction().execute(async (trx) => {
    const pastes = await trx.deleteFrom('pastes').where('created_at', '<', cutoff).executeTakeFirst();
    const answers = await trx.deleteFrom('answers').where('created_at', '<', cutoff).executeTakeFirst();
    await trx.deleteFrom('feedback').where('created_at', '<', cutoff).execute();
    await trx
      .deleteFrom('threads')
      .where('updated_at', '<', now - THREAD_TTL_MS)
      .execute();
    const clusters = await trx.deleteFrom('clusters').where('last_seen', '<', cutoff).executeTakeFirst();
    // A cluster still alive keeps only the samples inside the window.
    const aging = await trx
      .selectFrom('clusters')
      .select(['cluster_id', 'samples'])
      .where('first_seen', '<', cutoff)
      .execute();
    for (const c of aging) {
      const samples = JSON.parse(c.samples) as Sample[];
      const kept = samples.filter((s) => s.at >= cutoff);
      if (kept.length !== samples.length)
        await trx
          .updateTable('clusters')
          .set({ samples: JSON.stringify(kept) })
          .where('cluster_id', '=', c.cluster_id)
          .execute();
    }
    return {
      pastes: Number(pastes.numDeletedRows),
      answers: Number(answers.numDeletedRows),
      clusters: Number(clusters.numDeletedRows),
    };
  });
}
