// The ThreadStore of src/chat/thread-store.ts on the database: one row per conversation, the whole state as one
// JSON document, so the thread helpers add fields freely, and a revision column: a save is a compare-and-set, so
// two replicas answering in one thread at once cannot overwrite each other's facts. States older than the TTL
// read as absent (and the sweep deletes them).

import type { Insertable, Kysely } from 'kysely';
import type { ThreadState, ThreadStore } from '../chat/thread-store.js';
import type { Database } from './database.js';
import type { Tables } from './schema.js';
import { redactDeep } from './scrub.js';

/** A quiet thread is forgotten after a week, as in the memory store. */
export const THREAD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type ThreadRow = Insertable<Tables['threads']> & { revision: number };

/** A new thread: written only where none is stored, or only a forgotten one (past the TTL). */
async function insertNew(db: Kysely<Tables>, row: ThreadRow, now: number): Promise<bigint> {
  const { key: _key, ...fields } = row;
  const r = await db
    .insertInto('threads')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet(fields)
        .where('threads.updated_at', '<', now - THREAD_TTL_MS),
    )
    .executeTakeFirst();
  return r.numInsertedOrUpdatedRows ?? 0n;
}

/** A known thread: written only if it is still at the revision it was loaded at. */
async function updateAt(db: Kysely<Tables>, row: ThreadRow, revision: number): Promise<bigint> {
  const { key, ...fields } = row;
  const r = await db
    .updateTable('threads')
    .set(fields)
    .where('key', '=', key)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return r.numUpdatedRows;
}

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
      const changed = revision === undefined ? await insertNew(db, row, now()) : await updateAt(db, row, revision);
      if (!changed) return false;
      state.revision = next;
      return true;
    },
  };
}
