// What happens around every request: an id and the drain gate, then one log line and the metrics. Auth and the
// rate limit are hooks of the /v1 scope (v1-scope.ts), so they act on the route the router matched.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { redact } from '../redact.js';
import { refusalOf } from './error-handlers.js';
import { ApiError } from './errors.js';
import type { HttpMetrics } from './metrics.js';

/** A client-sent request id is kept when it is short and plain; anything else gets a fresh UUID. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's genReqId. The id is echoed in a header and every log line, so it must not look like a secret. */
export function requestIdOf(req: { headers: Record<string, string | string[] | undefined> }): string {
  const given = req.headers['x-request-id'];
  const usable = typeof given === 'string' && REQUEST_ID.test(given) && redact(given).findings.length === 0;
  return usable ? given : randomUUID();
}

export interface HookOptions {
  metrics: HttpMetrics;
  closing: () => boolean;
}

export function installRequestHooks(app: FastifyInstance, { metrics, closing }: HookOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // A request arriving on a kept-alive connection while draining gets our error shape, not Fastify's
    // built-in 503 body; /readyz still answers so balancers see the state.
    if (closing() && request.routeOptions.url !== '/readyz') {
      reply.header('connection', 'close');
      throw new ApiError(503, 'SHUTTING_DOWN', 'the server is shutting down; retry (another instance may take it)');
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    // One line per request; never the body or headers. The URL goes through redact() like every line.
    request.log.info(
      {
        method: request.method,
        url: redact(request.url).text,
        route,
        status: reply.statusCode,
        ...refusalOf(request),
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
}
