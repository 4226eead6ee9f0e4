// The learning loop over HTTP: POST /v1/feedback files a verdict on a kept answer; GET /v1/gaps lists the
// clusters of misses; GET /v1/gaps/{id}/draft is a draft rule for one; GET /v1/stats is detection and precision.
import type { FastifyInstance } from 'fastify';
import { feedbackNote, type LearningLoop, parseSince, SINCE_HINT } from '../../index.js';
import type { RouteContext } from '../context.js';
import { ApiError } from '../errors.js';
import { errorResponse } from '../schemas.js';

const feedbackBody = {
  type: 'object',
  required: ['answerId', 'verdict'],
  additionalProperties: false,
  properties: {
    answerId: { type: 'string', minLength: 1, maxLength: 100, description: 'The `answerId` of a diagnose answer.' },
    verdict: { type: 'string', enum: ['fixed', 'not_it'] },
  },
} as const;

const feedbackResult = {
  type: 'object',
  required: ['answerId', 'verdict', 'ruleId', 'ruleVersion', 'recorded', 'note'],
  properties: {
    answerId: { type: 'string' },
    verdict: { type: 'string', enum: ['fixed', 'not_it'] },
    ruleId: { type: ['string', 'null'], description: 'The rule the answer showed first (null: nothing matched).' },
    ruleVersion: { type: ['string', 'null'], description: 'A content hash of that rule file.' },
    recorded: { type: 'boolean', enum: [true] },
    note: { type: 'string', description: 'What happens to the verdict.' },
  },
} as const;

const gap = {
  type: 'object',
  properties: {
    clusterId: { type: 'string' },
    template: { type: 'string' },
    count: { type: 'integer', description: 'Misses in the window.' },
    total: { type: 'integer', description: 'Misses since the cluster was founded (within retention).' },
    firstSeen: { type: 'string', format: 'date-time' },
    lastSeen: { type: 'string', format: 'date-time' },
    surfaces: { type: 'array', items: { type: 'string' } },
    samples: { type: 'array', items: { type: 'string' }, description: 'Up to 3 redacted pastes.' },
    facts: { type: 'object', additionalProperties: true, description: 'Facts every member shares.' },
  },
} as const;

const sinceQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    since: {
      type: 'string',
      description: 'Window: 24h, 7d, 2w or an ISO date. Default: all kept (gaps), 30d (stats).',
    },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  },
} as const;

const errors = { 400: errorResponse, 401: errorResponse, 404: errorResponse, 429: errorResponse, 503: errorResponse };

function loopOf(ctx: RouteContext): LearningLoop {
  if (!ctx.learning)
    throw new ApiError(503, 'STORAGE_DISABLED', 'this server keeps no answers; start it with npm start or serve');
  return ctx.learning;
}

function sinceOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const since = parseSince(text, Date.now());
  if (since === undefined)
    throw new ApiError(400, 'INVALID_SINCE', `since "${text.slice(0, 40)}" is not a window; ${SINCE_HINT}`);
  return since;
}

function unavailable(err: unknown): never {
  throw new ApiError(
    503,
    'STORAGE_UNAVAILABLE',
    `storage failed (${(err as Error).message}); try again, and check the database if it persists`,
  );
}

export async function learningRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: { answerId: string; verdict: 'fixed' | 'not_it' } }>(
    '/v1/feedback',
    {
      schema: {
        summary: 'Say whether an answer fixed the problem',
        description:
          'Files `fixed` or `not_it` against the rule and rule version the answer showed. Verdicts feed ' +
          '`GET /v1/stats` (precision per rule version) for maintainers; they do not change answers by themselves.',
        tags: ['learning'],
        body: feedbackBody,
        response: { 200: feedbackResult, ...errors },
      },
    },
    async (request) => {
      const loop = loopOf(ctx);
      const auth = request.headers.authorization;
      const recorded = await loop
        .feedback({
          answerId: request.body.answerId,
          verdict: request.body.verdict,
          surface: 'http',
          // One verdict per client per answer: the token (hashed before it is kept) or the address.
          voter: auth ? `token:${auth}` : `ip:${request.ip}`,
        })
        .catch(unavailable);
      if (!recorded)
        throw new ApiError(
          404,
          'ANSWER_NOT_FOUND',
          `no kept answer has id "${request.body.answerId.slice(0, 100)}"; it may be older than RETENTION_DAYS`,
        );
      return { ...recorded, recorded: true, note: feedbackNote(recorded) };
    },
  );

  app.get<{ Querystring: { since?: string; limit?: number } }>(
    '/v1/gaps',
    {
      schema: {
        summary: 'Coverage gaps: clusters of pastes no rule matched',
        description: 'Clusters by misses in the window, most first, with samples and the facts their members share.',
        tags: ['learning'],
        querystring: sinceQuery,
        response: {
          200: {
            type: 'object',
            properties: { since: { type: ['string', 'null'] }, gaps: { type: 'array', items: gap } },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const loop = loopOf(ctx);
      const since = sinceOf(request.query.since);
      const gaps = await loop.gaps({ since, limit: request.query.limit }).catch(unavailable);
      return { since: since === undefined ? null : new Date(since).toISOString(), gaps };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/gaps/:id/draft',
    {
      schema: {
        summary: 'A draft rule for one gap',
        description:
          'A YAML rule whose `when` comes from what the misses share and whose `examples.match` are the samples. ' +
          'It passes `rules lint`; write its cause, fix and verify.',
        tags: ['learning'],
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{1,64}$' } } },
        produces: ['application/yaml'],
        response: { 200: { type: 'string' }, ...errors },
      },
    },
    async (request, reply) => {
      const draft = await loopOf(ctx).draft(request.params.id).catch(unavailable);
      if (!draft) throw new ApiError(404, 'GAP_NOT_FOUND', `no gap has id "${request.params.id}"; see GET /v1/gaps`);
      return reply.type('application/yaml; charset=utf-8').send(draft.yaml);
    },
  );

  app.get<{ Querystring: { since?: string } }>(
    '/v1/stats',
    {
      schema: {
        summary: 'Answered, unmatched and detection rate per day; shown, fixed, not it and precision per rule version',
        tags: ['learning'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { since: sinceQuery.properties.since },
        },
        response: { 200: { type: 'object', additionalProperties: true }, ...errors },
      },
    },
    async (request) => {
      const loop = loopOf(ctx);
      return loop.stats({ since: sinceOf(request.query.since) }).catch(unavailable);
    },
  );
}
