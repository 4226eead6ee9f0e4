// buildServer(): the whole API as a Fastify instance, not yet listening — tests and the benchmark use it
// directly; startHttp() adds the environment, signals and listening.
import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, LogController } from 'fastify';
import type { RuleSet } from '../engine/rule-set.js';
import { RuleStore } from '../knowledge/rule-store.js';
import { redact } from '../redact.js';
import { createBearerAuth } from './auth.js';
import { DEFAULTS, type HttpConfig } from './config.js';
import type { RouteContext } from './context.js';
import { registerDocs } from './docs.js';
import { ApiError, errorBody, mapError } from './errors.js';
import { createLogger, type LineSink } from './logger.js';
import { createMetrics } from './metrics.js';
import { installJsonParser } from './parsers.js';
import { batchRoutes } from './routes/batch.js';
import { diagnoseRoutes } from './routes/diagnose.js';
import { healthRoutes } from './routes/health.js';
import { ruleRoutes } from './routes/rules.js';
import { formatSchemaErrors } from './validation.js';

export interface ServerOptions {
  config?: Partial<HttpConfig>;
  /** The rules to serve; a RuleStore makes them reloadable. Default: a store over the bundled rules + RULES_DIR. */
  rules?: RuleStore | RuleSet;
  /** Where JSON log lines go (default stdout). */
  logStream?: LineSink;
  /** Also export Node process metrics (CPU, memory, event loop) on /metrics. */
  processMetrics?: boolean;
}

/** Why a request was refused, for its one log line. */
const refusals = new WeakMap<object, { code: string; reason: string }>();

/** A client-sent request id is kept when it is short and plain; anything else gets a fresh UUID. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const config: HttpConfig = {
    host: DEFAULTS.host,
    port: DEFAULTS.port,
    apiTokens: [],
    bodyLimit: DEFAULTS.bodyLimit,
    rateLimitPerMinute: DEFAULTS.rateLimitPerMinute,
    logLevel: DEFAULTS.logLevel,
    rulesWatch: false,
    ...options.config,
  };
  const store =
    options.rules instanceof RuleStore ? options.rules : options.rules ? RuleStore.of(options.rules) : new RuleStore();
  store.current(); // load now: a broken knowledge base should stop start-up, not the first request
  const metrics = createMetrics(store, { processMetrics: options.processMetrics });
  const auth = config.apiTokens.length ? createBearerAuth(config.apiTokens) : undefined;
  let closing = false;

  const app = Fastify({
    loggerInstance: createLogger(config.logLevel, options.logStream) as FastifyBaseLogger,
    // One log line per request, written by the onResponse hook below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    requestTimeout: 30_000,
    return503OnClosing: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      // Echoed in a header and every log line, so it must not be something redact() would hide.
      const usable = typeof given === 'string' && REQUEST_ID.test(given) && redact(given).findings.length === 0;
      return usable ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false, allowUnionTypes: true } },
    schemaErrorFormatter: formatSchemaErrors,
  });
  // Answers are the exact objects the core returns (the CLI's --json); response schemas document them only.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installJsonParser(app);

  const ctx: RouteContext = { store, metrics, config, closing: () => closing };
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Requests that arrive on a kept-alive connection while draining get our error shape, not Fastify's
    // built-in 503 body; /readyz still answers so balancers see the state.
    if (closing && request.url !== '/readyz') {
      reply.header('connection', 'close');
      throw new ApiError(
        503,
        'SHUTTING_DOWN',
        'the server is shutting down; retry the request (another instance may take it)',
      );
    }
    if (auth && request.url.startsWith('/v1/')) auth.check(request);
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
        ...refusals.get(request),
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  app.setErrorHandler<FastifyError>((err, request, reply) => {
    const mapped = err.validation
      ? { status: 400, body: errorBody('INVALID_REQUEST', err.message) }
      : mapError(err, { bodyLimit: config.bodyLimit, contentType: request.headers['content-type'] });
    if (mapped.status >= 500) request.log.error({ err }, 'request failed');
    else refusals.set(request, { code: mapped.body.error.code, reason: mapped.body.error.message });
    if (mapped.status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.code(mapped.status).send(mapped.body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = ['GET', 'POST'].filter((method) => app.hasRoute({ method, url: path }));
    if (allowed.length)
      return reply
        .code(405)
        .header('allow', allowed.join(', '))
        .send(errorBody('METHOD_NOT_ALLOWED', `${path} answers ${allowed.join(', ')}, not ${request.method}`));
    return reply
      .code(404)
      .send(errorBody('NOT_FOUND', `no route ${request.method} ${path}; see GET /docs for the API reference`));
  });

  await registerDocs(app, { auth: Boolean(auth) });
  if (config.rateLimitPerMinute > 0)
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      // Probes, metrics and docs are never limited: a throttled health check would restart a healthy pod.
      allowList: (request) => !request.url.startsWith('/v1/'),
      keyGenerator: (request) => auth?.clientId(request) ?? `ip:${request.ip}`,
      errorResponseBuilder: (_request, context) =>
        new ApiError(
          429,
          'RATE_LIMITED',
          `more than ${context.max} requests a minute from this client (RATE_LIMIT_PER_MINUTE); retry in ${context.after}`,
        ),
    });
  await app.register(diagnoseRoutes, ctx);
  await app.register(batchRoutes, ctx);
  await app.register(ruleRoutes, ctx);
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
