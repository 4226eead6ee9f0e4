// What happens around every request: an id and the drain gate, then one log line and the metrics. Auth and the
// rate limit are hooks of the /v1 scope (v1-scope.ts), so they act on the route the router matched.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { plainPath, redact } from '../index.js';
import { refusalOf } from './error-handlers.js';
import { ApiError } from './errors.js';
import type { HttpMetrics } from './metrics.js';

/**
 * A client-sent request id is kept when it is a UUID or short (at most 20 plain characters); anything else gets a
 * fresh UUID. The id is echoed in a header and every log line, and a long random string may be a key of a shape
 * redaction does not know (API tokens are at least 16 characters of anything, most keys 32 or more).
 */
const REQUEST_ID =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9._:-]{1,20})$/;

/** Fastify's genReqId. */
export function requestIdOf(req: { headers: Record<string, string | string[] | undefined> }): string {
  const given = req.headers['x-request-id'];
  const usable = typeof given === 'string' && REQUEST_ID.test(given) && redact(given).findings.length === 0;
  return usable ? given : randomUUID();
}

/** The request line for the log: the routed path, query values kept only for our own parameters. */
function loggedUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  // Decoded before redaction, so `?text=%73k-…` is redacted; other parameters' values are never logged at all
  // (`?token=<API token>` is a secret of no known shape).
  const params = query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      const n = safeDecode(name);
      return LOGGED_PARAMS.has(n) ? `${n}=${safeDecode(value)}` : `${n.slice(0, 32)}=[…]`;
    });
  // Path segments that are not plain words are left out too: a token in a path has no shape to redact.
  const shown = plainPath(safeDecode(path)) + (params.length ? `?${params.join('&')}` : '');
  return redact(shown.slice(0, 512)).text;
}

const LOGGED_PARAMS = new Set(['format', 'echo']);

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
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
        url: loggedUrl(request.url),
        route,
        status: reply.statusCode,
        // The client's address: the connecting one, or X-Forwarded-For's as far as TRUST_PROXY believes it.
        ip: request.ip,
        ...refusalOf(request),
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
}
