// The delivery ledger (chat/delivery-ledger.ts) on the database, shared by every replica. A claim is one
// statement: insert the key, or take over a row whose holder let its lease run out — so two replicas racing for
// one delivery cannot both win; the taker learns it resumed (attempts > 1) and the holder's last progress mark
// stays for it. Finished rows are kept two hours (Slack retries for about one), then deleted.
import { sql } from 'kysely';
import type { ClaimResult, DeliveryLedger } from '../chat/delivery-ledger.js';
import type { Database } from './database.js';

const KEEP_MS = 2 * 60 * 60 * 1000;
/** Old rows are deleted every this many claims (cheap, and no timer to stop). */
const CLEAN_EVERY = 500;

export function createDatabaseDeliveryLedger(database: Database, now: () => number = Date.now): DeliveryLedger {
  const { db } = database;
  let claims = 0;
  return {
    shared: database.kind === 'postgres',
    async claim(key, owner, leaseMs): Promise<ClaimResult> {
      const t = now();
      if (++claims % CLEAN_EVERY === 0)
        await db
          .deleteFrom('deliveries')
          .where('claimed_at', '<', t - KEEP_MS)
          .execute();
      const lapsed = t - leaseMs;
      const forgotten = t - KEEP_MS;
      const won = await db
        .insertInto('deliveries')
        .values({ key, owner, state: 'claimed', claimed_at: t })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet((eb) => ({
              owner,
              state: 'claimed',
              claimed_at: t,
              // A row older than anyone remembers starts afresh; a lapsed claim keeps its mark for the next holder.
              attempts: sql<number>`case when ${eb.ref('deliveries.claimed_at')} < ${forgotten} then 1 else ${eb.ref('deliveries.attempts')} + 1 end`,
              progress: sql<
                string | null
              >`case when ${eb.ref('deliveries.claimed_at')} < ${forgotten} then null else ${eb.ref('deliveries.progress')} end`,
            }))
            .where((eb) =>
              eb.or([
                eb.and([eb('deliveries.state', '=', 'claimed'), eb('deliveries.claimed_at', '<', lapsed)]),
                eb('deliveries.claimed_at', '<', forgotten),
              ]),
            ),
        )
        .returning('attempts')
        .executeTakeFirst();
      if (won) return won.attempts > 1 ? 'resumed' : 'claimed';
      const row = await db.selectFrom('deliveries').select('state').where('key', '=', key).executeTakeFirst();
      return row?.state === 'done' ? 'done' : 'in_progress';
    },
    async mark(key, progress) {
      // Renews the lease too: a holder that is still marking progress is alive.
      await db
        .updateTable('deliveries')
        .set({ progress, claimed_at: now() })
        .where('key', '=', key)
        .where('state', '=', sql.lit('claimed'))
        .execute();
    },
    async progress(key) {
      const row = await db.selectFrom('deliveries').select('progress').where('key', '=', key).executeTakeFirst();
      return row?.progress ?? undefined;
    },
    async finish(key) {
      await db.updateTable('deliveries').set({ state: 'done' }).where('key', '=', key).execute();
    },
    async release(key) {
      await db.deleteFrom('deliveries').where('key', '=', key).where('state', '=', sql.lit('claimed')).execute();
    },
  };
}
