// GET /v1/rules and GET /v1/rules/{id}: the knowledge base as currently loaded.

import type { FastifyInstance } from 'fastify';
import type { Rule } from '../../index.js';
import type { RouteContext } from '../context.js';
import { ApiError } from '../errors.js';
import { errorResponse, ruleDetail, ruleSummary } from '../schemas.js';

const summarize = ({ id, title, category, severity, code }: Rule) => ({ id, title, category, severity, code });

export async function ruleRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.get(
    '/v1/rules',
    {
      schema: {
        summary: 'List the loaded rules',
        tags: ['rules'],
        response: {
          200: {
            type: 'object',
            required: ['count', 'loadedAt', 'rules'],
            properties: {
              count: { type: 'integer' },
              loadedAt: { type: 'string', format: 'date-time' },
              rules: { type: 'array', items: ruleSummary },
            },
          },
          401: errorResponse,
          429: errorResponse,
        },
      },
    },
    async () => {
      const set = ctx.store.current();
      return { count: set.rules.length, loadedAt: set.loadedAt.toISOString(), rules: set.rules.map(summarize) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/rules/:id',
    {
      schema: {
        summary: 'One rule: what it diagnoses, its answer and its examples',
        tags: ['rules'],
        params: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'string', description: 'Rule id, e.g. auth.invalid-api-key' } },
        },
        response: { 200: ruleDetail, 401: errorResponse, 404: errorResponse, 429: errorResponse },
      },
    },
    async (request) => {
      const rule = ctx.store.current().get(request.params.id);
      if (!rule)
        throw new ApiError(404, 'RULE_NOT_FOUND', `no rule "${request.params.id}"; GET /v1/rules lists the rule ids`);
      const { codes, cause, fix, docs, examples } = rule;
      return { ...summarize(rule), codes, cause, fix, docs, examples };
    },
  );
}
