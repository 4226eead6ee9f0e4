// One list of versioned migrations for both backends, applied at start under a lock (two replicas starting at
// once migrate once). A database whose schema is newer than this code knows is refused: running old code on it
// could misread or overwrite what the newer version wrote.
import { type Kysely, sql } from 'kysely';
import { StorageError } from '../errors.js';
import type { DatabaseKind, Tables } from './schema.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations create the tables the typed schema describes
type AnyDb = Kysely<any>;

interface Migration {
  version: number;
  up(db: AnyDb): Promise<void>;
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    async up(db) {
      await db.schema
        .createTable('answers')
        .ifNotExists()
        .addColumn('answer_id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('surface', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text')
        .addColumn('rule_version', 'text')
        .addColumn('confidence', 'double precision')
        .addColumn('matched', 'integer', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('answers_created_at').ifNotExists().on('answers').column('created_at').execute();
      await db.schema
        .createTable('pastes')
        .ifNotExists()
        .addColumn('answer_id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('surface', 'text', (c) => c.notNull())
        .addColumn('cluster_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text')
        .addColumn('template', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pastes_created_at').ifNotExists().on('pastes').column('created_at').execute();
      await db.schema
        .createTable('clusters')
        .ifNotExists()
        .addColumn('cluster_id', 'text', (c) => c.primaryKey())
        .addColumn('token_count', 'integer', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('first_seen', 'bigint', (c) => c.notNull())
        .addColumn('last_seen', 'bigint', (c) => c.notNull())
        .addColumn('surfaces', 'text', (c) => c.notNull())
        .addColumn('samples', 'text', (c) => c.notNull())
        .addColumn('facts', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('clusters_token_count')
        .ifNotExists()
        .on('clusters')
        .columns(['token_count', 'last_seen'])
        .execute();
      await db.schema
        .createTable('feedback')
        .ifNotExists()
        .addColumn('answer_id', 'text', (c) => c.notNull())
        .addColumn('voter', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text')
        .addColumn('rule_version', 'text')
        .addColumn('surface', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('feedback_pk', ['answer_id', 'voter'])
        .execute();
      await db.schema
        .createTable('threads')
        .ifNotExists()
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('surface', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('digests')
        .ifNotExists()
        .addColumn('week', 'text', (c) => c.primaryKey())
        .addColumn('sent_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  {
    // Scale-out (issue 18): what replicas must share besides answers and threads.
    version: 2,
    async up(db) {
      await db.schema
        .createTable('deliveries')
        .ifNotExists()
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('claimed_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('deliveries_claimed_at')
        .ifNotExists()
        .on('deliveries')
        .column('claimed_at')
        .execute();
      await db.schema
        .createTable('slack_installations')
        .ifNotExists()
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text')
        .addColumn('enterprise_id', 'text')
        .addColumn('sealed', 'text', (c) => c.notNull())
        .addColumn('installed_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('rate_limits')
        .ifNotExists()
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('reset_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('seen_messages')
        .ifNotExists()
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('seen_messages_seen_at')
        .ifNotExists()
        .on('seen_messages')
        .column('seen_at')
        .execute();
    },
  },
  {
    // Replicas without surprises (issue 18): a delivery remembers how far its answer got (the Slack status
    // message, how many messages went out) and whether it was taken over, so the next holder finishes the answer
    // instead of posting it again; a thread carries a revision for compare-and-set saves.
    version: 3,
    async up(db) {
      await db.schema.alterTable('deliveries').addColumn('progress', 'text').execute();
      await db.schema
        .alterTable('deliveries')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // Threads saved by compare-and-set: two replicas answering in one thread cannot overwrite each other.
      await db.schema
        .alterTable('threads')
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
];

/** The schema version this code writes. */
const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/**
 * Bring the database to SCHEMA_VERSION. PostgreSQL: a transaction holding an advisory lock, so replicas queue;
 * SQLite: BEGIN IMMEDIATE takes the write lock up front. Migrations are transactional on both backends.
 */
export async function migrate(db: Kysely<Tables>, kind: DatabaseKind): Promise<number> {
  return db.connection().execute(async (conn) => {
    if (kind === 'postgres') {
      await sql`begin`.execute(conn);
      await sql`select pg_advisory_xact_lock(4242, 14)`.execute(conn);
    } else await sql`begin immediate`.execute(conn);
    try {
      await conn.schema
        .createTable('schema_version')
        .ifNotExists()
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      const row = await conn.selectFrom('schema_version').select('version').executeTakeFirst();
      const current = row?.version ?? 0;
      if (current > SCHEMA_VERSION)
        throw new StorageError(
          'STORAGE_SCHEMA_NEWER',
          `the database schema is version ${current}, newer than this bailian-doctor knows (${SCHEMA_VERSION}): ` +
            'a newer release wrote it. Upgrade bailian-doctor, or point DATA_DIR / DATABASE_URL at another database',
        );
      for (const m of MIGRATIONS) if (m.version > current) await m.up(conn);
      if (!row) await conn.insertInto('schema_version').values({ version: SCHEMA_VERSION }).execute();
      else if (current < SCHEMA_VERSION)
        await conn.updateTable('schema_version').set({ version: SCHEMA_VERSION }).execute();
      await sql`commit`.execute(conn);
      return SCHEMA_VERSION;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw err;
    }
  });
}
