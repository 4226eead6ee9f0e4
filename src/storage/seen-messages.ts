// SeenMessages (chat/seen-messages.ts) on the database: every replica can read the parent another one saw.
// Rows older than a week are deleted as new ones arrive (every CLEAN_EVERY writes).
import { SEEN_MESSAGE_TTL_MS, type SeenMessages, storableMessage } from '../chat/seen-messages.js';
import type { Database } from './database.js';

const CLEAN_EVERY = 500;

export function createDatabaseSeenMessages({ db }: Database, now: () => number = Date.now): SeenMessages {
  let writes = 0;
  return {
    async remember(key, m) {
      const t = now();
      if (++writes % CLEAN_EVERY === 0)
        await db
          .deleteFrom('seen_messages')
          .where('seen_at', '<', t - SEEN_MESSAGE_TTL_MS)
          .execute();
      const row = { key, text: storableMessage(m.text), user_id: m.user ?? null, seen_at: t };
      await db
        .insertInto('seen_messages')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ text: row.text, user_id: row.user_id, seen_at: t }))
        .execute();
    },
    async recall(key) {
      const row = await db.selectFrom('seen_messages').selectAll().where('key', '=', key).executeTakeFirst();
      if (!row || now() - row.seen_at > SEEN_MESSAGE_TTL_MS) return undefined;
      return { text: row.text, user: row.user_id ?? undefined, at: row.seen_at };
    },
  };
}
