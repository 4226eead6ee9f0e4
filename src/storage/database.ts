// Opens the one database a process uses: the embedded SQLite file under DATA_DIR, or PostgreSQL when
// DATABASE_URL is set, both behind the same Kysely instance. Migrations run before anything else may use it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { StorageConfig } from '../config/storage.js';
import { StorageError } from '../errors.js';
import { redact } from '../text/redact.js';
import { migrate } from './migrations.js';
import type { DatabaseKind, Tables } from './schema.js';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<Tables>;
  /** Where it lives, safe to log: the SQLite path, or the PostgreSQL host and database (never the password). */
  where: string;
  close(): Promise<void>;
}

/** The embedded database file inside DATA_DIR. */
const SQLITE_FILE = 'bailian-doctor.sqlite';

/** PostgreSQL's bigint (int8, oid 20) arrives as a string by default; our bigints are epoch ms, safe as numbers. */
const INT8 = 20;

async function openSqlite(dataDir: string): Promise<Database> {
  // Each driver is loaded only when used: a CLI run on SQLite never loads pg, and the other way round.
  const SQLite = (await import('better-sqlite3')).default;
  let file: string;
  let sqlite: InstanceType<typeof SQLite>;
  try {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, SQLITE_FILE);
    sqlite = new SQLite(file, { timeout: 5000 });
    // WAL lets readers run beside the writer; synchronous=FULL makes every committed write durable before the
    // call returns, so a kill -9 (or a power cut) right after an acknowledgement loses nothing.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
  } catch (err) {
    throw new StorageError(
      'STORAGE_UNAVAILABLE',
      `cannot open the embedded database in ${dataDir}: ${(err as Error).message}. Set DATA_DIR to a writable folder`,
      err,
    );
  }
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kind: 'sqlite', db, where: file, close: () => db.destroy() };
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres (DATABASE_URL)';
  }
}

async function openPostgres(url: string): Promise<Database> {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({
    connectionString: url,
    max: 5,
    connectionTimeoutMillis: 5000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener that would end the process.
  pool.on('error', () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { kind: 'postgres', db, where: describeUrl(url), close: () => db.destroy() };
}

/** A driver's message with any URL credentials and secrets taken out: it goes to logs and the terminal. */
function safeMessage(err: unknown): string {
  return redact(String((err as Error)?.message ?? err).replace(/\/\/[^\s/@]*@/g, '//')).text;
}

/** Open and migrate the configured database. Throws StorageError when it cannot be used. */
export async function openDatabase(config: Pick<StorageConfig, 'dataDir' | 'databaseUrl'>): Promise<Database> {
  const database = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openSqlite(config.dataDir);
  try {
    await migrate(database.db, database.kind);
  } catch (err) {
    await database.close().catch(() => {});
    if (err instanceof StorageError) throw err;
    throw new StorageError(
      'STORAGE_UNAVAILABLE',
      `cannot use the database at ${database.where}: ${safeMessage(err)}. ` +
        (database.kind === 'postgres'
          ? 'Check DATABASE_URL and that PostgreSQL is running, or unset it for the embedded database'
          : 'Check DATA_DIR is a writable folder'),
      err,
    );
  }
  return database;
}
