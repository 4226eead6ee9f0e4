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
  },
} as const;

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
      const status = ctx.closing() ? 'shutting_down' : s.ready ? 'ready' : 'not_ready';
      return reply
        .code(status === 'ready' ? 200 : 503)
        .send({ status, rules: s.rules, loadedAt: s.loadedAt, lastReload: s.lastReload });
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
