// Per-client rate limiting on /v1 (RATE_LIMIT_PER_MINUTE): one allowance per API token, else per IP. Registered
// inside the /v1 scope (v1-scope.ts), so it limits exactly the routes there; probes, metrics and docs live
// outside it and are never limited (a throttled health check would restart a healthy pod). Where the counts live
// (memory, or shared by replicas) is rate-limit-store.ts's.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { BearerAuth } from './auth.js';
import { ApiError } from './errors.js';
import type { RateLimitBackend } from './rate-limit-store.js';

export async function registerRateLimit(
  app: FastifyInstance,
  perMinute: number,
  backend: RateLimitBackend,
  auth?: BearerAuth,
): Promise<void> {
  if (perMinute <= 0) return;
  await app.register(rateLimit, {
    ...backend.options,
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => auth?.clientId(request) ?? `ip:${request.ip}`,
    // Thrown by the plugin, so it reaches our error handler and leaves in the one error shape.
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        'RATE_LIMITED',
        `more than ${context.max} requests a minute from this client (RATE_LIMIT_PER_MINUTE); retry in ${context.after}`,
      ),
  });
}
