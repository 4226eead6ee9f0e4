// REDIS_URL: replicas share one allowance per client. Two servers (two replicas) against the Redis on
// 127.0.0.1:6379, each test on its own database number and key space, cleaned up after; a Redis that is down
// lets requests through instead of failing them.
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { INVALID_KEY_TEXT, startTestServer, type TestServer } from './server-harness.js';

// Database 7 is this file's; the rate-limit keys all start with the product's prefix.
const REDIS_URL = 'redis://127.0.0.1:6379/7';
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys('bailian-doctor:rate-limit:*');
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('rate limit shared through REDIS_URL', () => {
  it('two replicas give one client RATE_LIMIT_PER_MINUTE in total, not each', async () => {
    for (let i = 0; i < 2; i++) servers.push(await startTestServer({ rateLimitPerMinute: 4, redisUrl: REDIS_URL }));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await servers[i % 2]!.post('/v1/diagnose', { text: INVALID_KEY_TEXT })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    // The count is in Redis, under the product's prefix, keyed by client — never by a token value.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys('bailian-doctor:rate-limit:*');
    redis.disconnect();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.includes('ip:127.0.0.1'))).toBe(true);
  });

  it('without REDIS_URL each replica counts alone (the embedded default)', async () => {
    for (let i = 0; i < 2; i++) servers.push(await startTestServer({ rateLimitPerMinute: 2 }));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await servers[i % 2]!.post('/v1/diagnose', { text: INVALID_KEY_TEXT })).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
  });

  it('a Redis that does not answer lets requests through and logs it once', async () => {
    // A port that accepts nothing: grab a free one and close it.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const server = await startTestServer({ rateLimitPerMinute: 1, redisUrl: `redis://127.0.0.1:${port}` });
    servers.push(server);
    for (let i = 0; i < 3; i++)
      expect((await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT })).status).toBe(200);
    const warnings = server.logRecords().filter((r) => r.event === 'rate_limit_store_error');
    expect(warnings.length).toBe(1);
  });
});
