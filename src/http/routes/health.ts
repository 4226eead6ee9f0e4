// GET /healthz (the process answers), /readyz (rules are loaded; reports the last reload), /metrics.
import type { FastifyInstance } from 'fastify';
import { VERSION } from '../../index.js';
import type { RouteContext } from '../context.js';

const readyBody = {
  type: 'object',
  required: ['status', 'rules', 'loadedAt', 'lastReload'],
  properties: {
    status: { type: 'string', enum: ['ready', 'not_ready', 'shutting_down'] },
    rules: { type: 'integer', description: 'Rules being served.' },
    loadedAt: { type: ['string', 'null'], format: 'date-time' },
    lastReload: {
      type: ['object', 'null'],
      description: 'The last reload attempt. A failed one leaves the previous rules in service.',
      properties: { ok: { type: 'boolean' }, at: { type: 'string' }, error: { type: ['string', 'null'] } },
    },
    surfaces: {
      type: 'object',
      description:
        "Present when bots run in the same process (`npm start`): each one's readiness, e.g. `discord: {ready, mode, shards: [{id, ready, sockets}]}`. Any not ready makes the answer 503 not_ready.",
      additionalProperties: { type: 'object' },
    },
  },
} as const;

/** A surface that does not answer in this long counts as not ready. */
const SURFACE_PROBE_MS = 3000;

async function surfaceStates(ctx: RouteContext): Promise<Record<string, { ready: boolean }> | undefined> {
  const probed = ctx.surfaces().filter((s) => s.readiness);
  if (!probed.length) return undefined;
  const entries = await Promise.all(
    probed.map(async (s) => {
      try {
        const r = await Promise.race([
          s.readiness!(),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`no answer in ${SURFACE_PROBE_MS} ms`)), SURFACE_PROBE_MS).unref(),
          ),
        ]);
        return [s.name, { ready: r.ready, ...r.detail }] as const;
      } catch (err) {
        return [s.name, { ready: false, error: (err as Error).message }] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

export async function healthRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'The process is up',
        tags: ['operations'],
        response: {
          200: {
            type: 'object',
            required: ['status', 'version'],
            properties: {
              status: { type: 'string', enum: ['ok'] },
              version: { type: 'string', description: 'The running bailian-doctor version (semver).' },
            },
          },
        },
      },
    },
    async () => ({ status: 'ok', version: VERSION }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        summary: 'Rules are loaded and the server takes traffic',
        tags: ['operations'],
        response: { 200: readyBody, 503: readyBody },
      },
    },
    async (_request, reply) => {
      const s = ctx.store.status();
      const surfaces = await surfaceStates(ctx);
      const surfacesReady = Object.values(surfaces ?? {}).every((x) => x.ready);
      const status = ctx.closing() ? 'shutting_down' : s.ready && surfacesReady ? 'ready' : 'not_ready';
      return reply.code(status === 'ready' ? 200 : 503).send({
        status,
        rules: s.rules,
        loadedAt: s.loadedAt,
        lastReload: s.lastReload,
        ...(surfaces ? { surfaces } : {}),
      });
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics',
        tags: ['operations'],
        produces: ['text/plain'],
        response: { 200: { type: 'string' } },
      },
    },
    async (_request, reply) => {
      const body = await ctx.metrics.registry.metrics();
      return reply.type(ctx.metrics.registry.contentType).send(body);
    },
  );
}
