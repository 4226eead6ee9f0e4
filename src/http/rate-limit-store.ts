// Where the per-client counts live. One process: in memory (the plugin's LocalStore). Several replicas: a shared
// store, so a client gets RATE_LIMIT_PER_MINUTE in total and not per replica — Redis when REDIS_URL is set (the
// plugin's own RedisStore: one Lua INCR+PEXPIRE per request, atomic, sub-millisecond). A shared store that fails
// lets the request through (skipOnError) and logs it: a storage failure never costs an answer.
import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';

export interface RateLimitBackend {
  /** Merged into the plugin's options. */
  options: Partial<RateLimitPluginOptions>;
  /** Which store, for the start-up log line. */
  kind: 'memory' | 'redis';
  close(): Promise<void>;
}

/** Keys of every replica of one deployment share this prefix (several deployments may share one Redis). */
const KEY_PREFIX = 'bailian-doctor:rate-limit:';
/** A Redis that does not answer this fast is skipped for the request, not waited for. */
const REDIS_TIMEOUT_MS = 500;

export const MEMORY_RATE_LIMIT: RateLimitBackend = { options: {}, kind: 'memory', close: async () => {} };

export async function rateLimitBackend(
  config: { redisUrl?: string },
  log: FastifyBaseLogger,
): Promise<RateLimitBackend> {
  if (!config.redisUrl) return MEMORY_RATE_LIMIT;
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
