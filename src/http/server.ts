// buildServer(): the whole API as a Fastify instance, not yet listening — tests and the benchmark use it
// directly; startHttp() adds the environment, signals and listening.

import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { DEFAULTS, type HttpConfig } from '../config/http.js';
import { type LearningLoop, type RuleSet, RuleStore, type SurfaceHandle } from '../index.js';
import { createBearerAuth } from './auth.js';
import type { RouteContext } from './context.js';
import { registerDocs } from './docs.js';
import { installErrorHandlers } from './error-handlers.js';
import { createLogger, type LineSink } from './logger.js';
import { createMetrics } from './metrics.js';
import { installJsonParser } from './parsers.js';
import { MEMORY_RATE_LIMIT, rateLimitBackend } from './rate-limit-store.js';
import { installRequestHooks, requestIdOf } from './request-hooks.js';
import { healthRoutes } from './routes/health.js';
import { registerV1, V1_PREFIX } from './v1-scope.js';
import { formatSchemaErrors } from './validation.js';

export interface ServerOptions {
  config?: Partial<HttpConfig>;
  /** The rules to serve; a RuleStore makes them reloadable. Default: a store over the bundled rules + RULES_DIR. */
  rules?: RuleStore | RuleSet;
  /** Where JSON log lines go (default stdout). */
  logStream?: LineSink;
  /** How long a client gets to send its whole request (default REQUEST_TIMEOUT_MS; tests shorten it). */
  requestTimeoutMs?: number;
  /** Where answers, misses and feedback are kept (startHttp passes the shared loop). Absent: nothing is kept. */
  learning?: LearningLoop;
  /** Also export Node process metrics (CPU, memory, event loop) on /metrics. */
  processMetrics?: boolean;
  /** The other surfaces of the process (`npm start` hands its bots in): /readyz folds in their readiness. */
  surfaces?: () => readonly SurfaceHandle[];
}

/** A client gets this long to send its whole request (headers and body). */
const REQUEST_TIMEOUT_MS = 30_000;

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

function storeOf(rules: RuleStore | RuleSet | undefined): RuleStore {
  if (rules instanceof RuleStore) return rules;
  return rules ? RuleStore.of(rules) : new RuleStore();
}

export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const config: HttpConfig = { ...DEFAULTS, apiTokens: [], rulesWatch: false, trustProxy: false, ...options.config };
  const store = storeOf(options.rules);
  store.current(); // load now: a broken knowledge base should stop start-up, not the first request
  const metrics = createMetrics(store, { processMetrics: options.processMetrics, learning: options.learning });
  const auth = config.apiTokens.length ? createBearerAuth(config.apiTokens) : undefined;
  let closing = false;
  const timeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;

  const app = Fastify({
    loggerInstance: createLogger(config.logLevel, options.logStream) as FastifyBaseLogger,
    // One log line per request, written by the onResponse hook, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    // A hop count trusts the nearest N proxies (what proxy-addr does with a number; Fastify's types take a function).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    requestTimeout: timeout,
    // Node checks these timeouts only every connectionsCheckingInterval (30 s by default) and gives headers 60 s,
    // so a slow client held a connection for 60-90 s; checked every second, it is dropped at 30 s.
    http: { headersTimeout: timeout, requestTimeout: timeout, connectionsCheckingInterval: Math.min(1000, timeout) },
    return503OnClosing: false,
    genReqId: requestIdOf,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false, allowUnionTypes: true } },
    schemaErrorFormatter: formatSchemaErrors,
  });
  // Answers are the exact objects the core returns (the CLI's --json). The diagnose routes write them with
  // serializers compiled from their response schemas (serializers.ts); elsewhere the schemas document them only.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installJsonParser(app);
  app.addHook('preClose', async () => {
    closing = true;
  });
  installRequestHooks(app, { metrics, closing: () => closing });
  installErrorHandlers(app, config.bodyLimit);

  await registerDocs(app, { auth: Boolean(auth) });
  const rateLimit =
    config.rateLimitPerMinute > 0
      ? await rateLimitBackend(config, app.log, options.learning?.scale)
      : MEMORY_RATE_LIMIT;
  app.addHook('onClose', () => rateLimit.close());
  const ctx: RouteContext = {
    store,
    metrics,
    config,
    learning: options.learning,
    closing: () => closing,
    surfaces: options.surfaces ?? (() => []),
    rateLimit,
  };
  // A /v1 route registered anywhere but the /v1 scope would escape auth and the rate limit: refuse it.
  let inV1Scope = false;
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(V1_PREFIX) && !inV1Scope)
      throw new Error(`route ${route.url} must be registered in the /v1 scope (v1-scope.ts)`);
  });
  inV1Scope = true;
  await registerV1(app, ctx, auth);
  inV1Scope = false;
  await app.register(healthRoutes, ctx);

  const unsubscribe = store.onReload((outcome) => {
    metrics.observeReload(outcome);
    if (outcome.ok) app.log.info({ rules: outcome.rules }, 'rules reloaded');
    else
      app.log.error(
        { error: outcome.error, rules: outcome.rules },
        'rule reload failed; still serving the previous rules',
      );
  });
  app.addHook('onClose', async () => {
    unsubscribe();
  });
  return app;
}
