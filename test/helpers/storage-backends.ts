// Every storage test runs against both backends: the embedded SQLite file in a fresh temporary DATA_DIR, and
// PostgreSQL 15 on 127.0.0.1:5432 in a schema of its own (dropped afterwards). Where no PostgreSQL runs, its half
// is skipped with a message saying so — on the project's machines and in CI one always runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const PG_BASE_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_BASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const pgProblem = await probePostgres();
if (pgProblem)
  process.stderr.write(
    `storage tests: PostgreSQL at ${PG_BASE_URL} is not reachable (${pgProblem}); its half of the suite is skipped\n`,
  );

export interface Backend {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** A fresh, empty place to store: `{dataDir}` or `{databaseUrl}`; cleanup removes it. */
  create(): Promise<{ dataDir: string; databaseUrl?: string; cleanup(): Promise<void> }>;
}

let schemas = 0;

export const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    available: true,
    async create() {
      const dataDir = mkdtempSync(join(tmpdir(), 'bd-store-'));
      return { dataDir, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    available: !pgProblem,
    async create() {
      const schema = `bd_test_${process.pid}_${Date.now().toString(36)}_${schemas++}`;
      const admin = new pg.Client({ connectionString: PG_BASE_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const url = new URL(PG_BASE_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        dataDir: mkdtempSync(join(tmpdir(), 'bd-store-pg-')),
        databaseUrl: url.toString(),
        async cleanup() {
          const c = new pg.Client({ connectionString: PG_BASE_URL });
          await c.connect();
          await c.query(`drop schema if exists ${schema} cascade`);
          await c.end();
        },
      };
    },
  },
];
