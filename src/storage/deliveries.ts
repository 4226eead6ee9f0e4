// The delivery ledger (chat/delivery-ledger.ts) on the database, shared by every replica. A claim is one
// statement: insert the key, or take over a row whose holder let its lease run out — so two replicas racing for
// one delivery cannot both win. Finished rows are kept two hours (Slack retries for about one), then deleted.
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
      const won = await db
        .insertInto('deliveries')
        .values({ key, owner, state: 'claimed', claimed_at: t })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet({ owner, state: 'claimed', claimed_at: t })
            .where((eb) =>
              eb.or([
                eb.and([eb('deliveries.state', '=', 'claimed'), eb('deliveries.claimed_at', '<', t - leaseMs)]),
                eb('deliveries.claimed_at', '<', t - KEEP_MS),
              ]),
            ),
        )
        .returning('key')
        .executeTakeFirst();
      if (won) return 'claimed';
      const row = await db.selectFrom('deliveries').select('state').where('key', '=', key).executeTakeFirst();
      return row?.state === 'done' ? 'done' : 'in_progress';
    },
    async finish(key) {
      await db.updateTable('deliveries').set({ state: 'done' }).where('key', '=', key).execute();
    },
    async release(key) {
      await db.deleteFrom('deliveries').where('key', '=', key).where('state', '=', sql.lit('claimed')).execute();
    },
  };
}
