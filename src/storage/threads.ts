// The ThreadStore of src/chat/thread-store.ts on the database: one row per conversation, the whole state as one
// JSON document, so the thread helpers add fields freely. States older than the TTL read as absent (and the
// sweep deletes them).
import type { ThreadState, ThreadStore } from '../chat/thread-store.js';
import type { Database } from './database.js';
import { redactDeep } from './scrub.js';

/** A quiet thread is forgotten after a week, as in the memory store. */
export const THREAD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function createDatabaseThreadStore({ db }: Database, now: () => number = Date.now): ThreadStore {
  return {
    async load(key) {
      const row = await db
        .selectFrom('threads')
        .select(['state', 'updated_at'])
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row || now() - row.updated_at > THREAD_TTL_MS) return undefined;
      return JSON.parse(row.state) as ThreadState;
    },
    async save(state) {
      const clean = redactDeep(state);
      const row = { key: clean.key, surface: clean.surface, updated_at: clean.updatedAt, state: JSON.stringify(clean) };
      await db
        .insertInto('threads')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ surface: row.surface, updated_at: row.updated_at, state: row.state }),
        )
        .execute();
    },
  };
}
