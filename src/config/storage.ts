// Where the learning loop keeps its data and what it keeps: DATA_DIR (the embedded SQLite file), DATABASE_URL
// (PostgreSQL, shared by replicas), STORE_PASTES (keep the redacted text of misses), RETENTION_DAYS (how long a
// stored paste stays) and DIGEST_CHANNEL (where the weekly digest goes). Parsed here only.
import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { readSwitch, readVar } from './env.js';

export interface StorageConfig {
  /** Folder of the embedded database (`bailian-doctor.sqlite`), created on first start. */
  dataDir: string;
  /** `postgres://…` — when set, PostgreSQL replaces the embedded database. Never logged: it may hold a password. */
  databaseUrl?: string;
  /** Keep the redacted text of unmatched and low-confidence pastes (else only their template). */
  storePastes: boolean;
  /** Stored pastes, answers and feedback older than this are deleted by the periodic sweep. */
  retentionDays: number;
  /** Where the weekly digest is posted, `slack:<channel id>` or `discord:<channel id>`; unset = no digest. */
  digest?: { surface: 'slack' | 'discord'; channel: string };
}

const DIGEST = /^(slack|discord):([A-Za-z0-9_-]{1,64})$/;

export function parseStorageConfig(env: NodeJS.ProcessEnv): StorageConfig {
  const problems: string[] = [];
  const variables: string[] = [];
  const fail = (name: string, message: string) => {
    problems.push(message);
    variables.push(name);
  };
  const databaseUrl = readVar(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(?:ql)?:\/\//i.test(databaseUrl))
    // The value itself is not repeated: a URL can carry a password.
    fail(
      'DATABASE_URL',
      'DATABASE_URL must be a postgres://user@host:port/database URL (unset it for the embedded database)',
    );
  const storePastes = readSwitch(env, 'STORE_PASTES', true);
  if (storePastes === undefined)
    fail('STORE_PASTES', `STORE_PASTES must be 1 or 0, got "${readVar(env, 'STORE_PASTES')}"`);
  const rawDays = readVar(env, 'RETENTION_DAYS') ?? '30';
  const retentionDays = Number(rawDays);
  if (!/^\d+$/.test(rawDays) || retentionDays < 1 || retentionDays > 3650)
    fail('RETENTION_DAYS', `RETENTION_DAYS must be a whole number of days from 1 to 3650, got "${rawDays}"`);
  const rawDigest = readVar(env, 'DIGEST_CHANNEL');
  const digestMatch = rawDigest === undefined ? undefined : DIGEST.exec(rawDigest);
  if (rawDigest !== undefined && !digestMatch)
    fail('DIGEST_CHANNEL', `DIGEST_CHANNEL must be slack:<channel id> or discord:<channel id>, got "${rawDigest}"`);
  if (problems.length) throw new ConfigError(problems.join('\n'), variables);
  return {
    dataDir: resolve(readVar(env, 'DATA_DIR') ?? './data'),
    databaseUrl,
    storePastes: storePastes ?? true,
    retentionDays,
    digest: digestMatch ? { surface: digestMatch[1] as 'slack' | 'discord', channel: digestMatch[2]! } : undefined,
  };
}
