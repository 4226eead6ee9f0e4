// The /v1 scope: one encapsulated Fastify context holding every /v1 route, with auth and the rate limit as hooks
// of that context. Fastify runs a context's hooks for exactly the routes the router matched in it, so a request
// is checked by the route it reaches — never by a string test on the raw target, which `/%76%31/diagnose`,
// `/v%31/…` or an absolute-form `http://x/v1/…` would pass by while the router still matched the route.
import type { FastifyInstance } from 'fastify';
import type { BearerAuth } from './auth.js';
import type { RouteContext } from './context.js';
import { registerRateLimit } from './rate-limit.js';
import { batchRoutes } from './routes/batch.js';
import { checkRoutes } from './routes/check.js';
import { diagnoseRoutes } from './routes/diagnose.js';
import { learningRoutes } from './routes/learning.js';
import { ruleRoutes } from './routes/rules.js';

export const V1_PREFIX = '/v1/';

export async function registerV1(app: FastifyInstance, ctx: RouteContext, auth?: BearerAuth): Promise<void> {
  await app.register(async (v1) => {
    // Only /v1 routes belong here, and (checked in server.ts) every /v1 route is here.
    v1.addHook('onRoute', (route) => {
      if (!route.url.startsWith(V1_PREFIX)) throw new Error(`route ${route.url} does not belong in the /v1 scope`);
    });
    if (auth)
      v1.addHook('onRequest', async (request) => {
        auth.check(request);
      });
    await registerRateLimit(v1, ctx.config.rateLimitPerMinute, ctx.rateLimit, auth);
    await v1.register(diagnoseRoutes, ctx);
    await v1.register(batchRoutes, ctx);
    await v1.register(ruleRoutes, ctx);
    await v1.register(learningRoutes, ctx);
    await v1.register(checkRoutes, ctx);
  });
}
