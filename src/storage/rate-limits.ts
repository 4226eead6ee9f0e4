// Per-client request counts on the database, for replicas without a Redis: one upsert per request that starts a
// fresh window when the old one is over, so the count and its reset time come back in one round trip.
import type { Database } from './database.js';

export interface RateCounter {
  /** Count one request of `key` in a window of `windowMs`; returns the count so far and when the window ends. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
}

/** Rows of windows that ended this long ago are deleted (every CLEAN_EVERY hits). */
const CLEAN_AFTER_MS = 10 * 60 * 1000;
const CLEAN_EVERY = 1000;

export function createDatabaseRateCounter({ db }: Database, now: () => number = Date.now): RateCounter {
  let hits = 0;
  return {
    async hit(key, windowMs) {
      const t = now();
      if (++hits % CLEAN_EVERY === 0)
        await db
          .deleteFrom('rate_limits')
          .where('reset_at', '<', t - CLEAN_AFTER_MS)
          .execute();
      const row = await db
        .insertInto('rate_limits')
        .values({ key, count: 1, reset_at: t + windowMs })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            count: eb
              .case()
              .when('rate_limits.reset_at', '<=', t)
              .then(1)
              .else(eb('rate_limits.count', '+', 1))
              .end(),
            reset_at: eb
              .case()
              .when('rate_limits.reset_at', '<=', t)
              .then(t + windowMs)
              .else(eb.ref('rate_limits.reset_at'))
              .end(),
          })),
        )
        .returning(['count', 'reset_at'])
        .executeTakeFirstOrThrow();
      return { count: Number(row.count), resetAt: Number(row.reset_at) };
    },
  };
}
