// The ThreadStore of src/chat/thread-store.ts on the database: one row per conversation, the whole state as one
// JSON document, so the thread helpers add fields freely, and a revision column: a save is a compare-and-set, so
// two replicas answering in one thread at once cannot overwrite each other's facts. States older than the TTL
// read as absent (and the sweep deletes them).
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
        .select(['state', 'updated_at', 'revision'])
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row || now() - row.updated_at > THREAD_TTL_MS) return undefined;
      return { ...(JSON.parse(row.state) as ThreadState), revision: row.revision };
    },
    async save(state) {
      // The revision lives in its column (the compare-and-set reads it), not in the document.
      const { revision, ...clean } = redactDeep(state);
      const next = (revision ?? 0) + 1;
      const row = {
        key: clean.key,
        surface: clean.surface,
        updated_at: clean.updatedAt,
        state: JSON.stringify(clean),
        revision: next,
      };
      const written =
        revision === undefined
          ? // A new thread: only where none is stored, or only a forgotten one (past the TTL).
            await db
              .insertInto('threads')
              .values(row)
              .onConflict((oc) =>
                oc
                  .column('key')
                  .doUpdateSet({ surface: row.surface, updated_at: row.updated_at, state: row.state, revision: next })
                  .where('threads.updated_at', '<', now() - THREAD_TTL_MS),
              )
              .executeTakeFirst()
          : await db
              .updateTable('threads')
              .set({ surface: row.surface, updated_at: row.updated_at, state: row.state, revision: next })
              .where('key', '=', row.key)
              .where('revision', '=', revision)
              .executeTakeFirst();
      const n = 'numInsertedOrUpdatedRows' in written ? written.numInsertedOrUpdatedRows : written.numUpdatedRows;
      if (!n) return false;
      state.revision = next;
      return true;
    },
  };
}
