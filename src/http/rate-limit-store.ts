// Where the per-client counts live. One process: in memory (the plugin's LocalStore). Several replicas: a shared
// store, so a client gets RATE_LIMIT_PER_MINUTE in total and not per replica — Redis when REDIS_URL is set (the
// plugin's own RedisStore: one Lua INCR+PEXPIRE per request, atomic, sub-millisecond). A shared store that fails
// lets the request through (skipOnError) and logs it: a storage failure never costs an answer. Without a Redis,
// replicas on PostgreSQL (DATABASE_URL) share the counts in a table instead: one upsert per request, a few
// milliseconds — Redis is the better fit for a busy API, the database saves running one more service.
import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyBaseLogger } from 'fastify';
import { ConfigError } from '../errors.js';
import type { SharedState } from '../index.js';

type RateCounter = SharedState['rateCounter'];

export interface RateLimitBackend {
  /** Merged into the plugin's options. */
  options: Partial<RateLimitPluginOptions>;
  /** Which store, for the start-up log line. */
  kind: 'memory' | 'redis' | 'database';
  close(): Promise<void>;
}

/** Keys of every replica of one deployment share this prefix (several deployments may share one Redis). */
const KEY_PREFIX = 'bailian-doctor:rate-limit:';
/** A Redis that does not answer this fast is skipped for the request, not waited for. */
const REDIS_TIMEOUT_MS = 500;

export const MEMORY_RATE_LIMIT: RateLimitBackend = { options: {}, kind: 'memory', close: async () => {} };

/** ioredis is an optional package, needed only with REDIS_URL. */
async function loadRedis() {
  try {
    return (await import('ioredis')).Redis;
  } catch (err) {
    if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    throw new ConfigError('REDIS_URL needs the ioredis package, which a library install leaves out: npm i ioredis@^5', [
      'REDIS_URL',
    ]);
  }
}

/** @fastify/rate-limit's store interface (`incr`, `child`) over the database counter. */
function databaseStore(counter: RateCounter) {
  return class DatabaseRateLimitStore {
    constructor(private readonly prefix = KEY_PREFIX) {}
    incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number) {
      counter.hit(this.prefix + key, timeWindow).then(
        (r) => cb(null, { current: r.count, ttl: Math.max(0, r.resetAt - Date.now()) }),
        (err: Error) => cb(err),
      );
    }
    child(routeOptions: { routeInfo: { method: string; url: string } }) {
      return new DatabaseRateLimitStore(`${this.prefix}${routeOptions.routeInfo.method}${routeOptions.routeInfo.url}-`);
    }
  };
}

export async function rateLimitBackend(
  config: { redisUrl?: string },
  log: FastifyBaseLogger,
  shared?: SharedState,
): Promise<RateLimitBackend> {
  if (!config.redisUrl && shared?.replicas)
    return {
      kind: 'database',
      options: { store: databaseStore(shared.rateCounter) as never, skipOnError: true },
      close: async () => {},
    };
  if (!config.redisUrl) return MEMORY_RATE_LIMIT;
  const Redis = await loadRedis();
  const redis = new Redis(config.redisUrl, {
    // Fail fast instead of queueing while disconnected: the request goes through (skipOnError) and the client
    // reconnects in the background.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_TIMEOUT_MS,
    connectTimeout: 2000,
    lazyConnect: true,
  });
  let lastError = '';
  redis.on('error', (err: Error) => {
    // ioredis repeats the same error on every reconnect attempt; one line per distinct failure is enough.
    if (err.message === lastError) return;
    lastError = err.message;
    log.warn(
      { event: 'rate_limit_store_error', error: err.message },
      'rate-limit store (REDIS_URL) failed; requests are not limited meanwhile',
    );
  });
  redis.on('ready', () => {
    if (lastError) log.info({ event: 'rate_limit_store_ready' }, 'rate-limit store (REDIS_URL) reachable again');
    lastError = '';
  });
  // Connect now so the first requests are counted; an unreachable Redis delays start-up by at most connectTimeout.
  await redis.connect().catch(() => {});
  return {
    kind: 'redis',
    options: { redis, nameSpace: KEY_PREFIX, skipOnError: true },
    async close() {
      redis.disconnect();
    },
  };
}
