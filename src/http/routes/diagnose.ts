// POST /v1/diagnose: text (+ facts) in, the CLI's --json answer out (or another renderer's output).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { diagnose } from '../../diagnose.js';
import { RENDERERS } from '../../render/index.js';
import { toJsonResult } from '../../render/json.js';
import type { DiagnoseInput, DiagnoseResult } from '../../types.js';
import type { RouteContext } from '../context.js';
import { installTextParser } from '../parsers.js';
import { diagnoseRequest, diagnoseResult, errorResponse, formatQuery } from '../schemas.js';

export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  413: errorResponse,
  415: errorResponse,
  429: errorResponse,
};

/** diagnose() over the rules in service now, counted in the metrics. */
export function diagnoseWith(ctx: RouteContext) {
  return async (input: DiagnoseInput, echo = false): Promise<DiagnoseResult> => {
    const result = await diagnose(input, { rules: ctx.store.current(), echo });
    ctx.metrics.observeResult(result);
    return result;
  };
}

function send(reply: FastifyReply, result: DiagnoseResult, format: string) {
  if (format === 'json') return reply.send(toJsonResult(result));
  const out = RENDERERS[format]!(result);
  // Chat renderers answer JSON payloads (Slack blocks, Discord embeds); text answers plain text.
  const isJson = format !== 'text' && /^\s*[[{]/.test(out);
  return reply.type(isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8').send(out);
}

export async function diagnoseRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  installTextParser(app);
  const formats = Object.keys(RENDERERS);
  const run = diagnoseWith(ctx);

  app.post<{ Body: DiagnoseInput; Querystring: { format?: string; echo?: string } }>(
    '/v1/diagnose',
    {
      schema: {
        summary: 'Diagnose one pasted error',
        description:
          'Send `{"text": …, "facts"?: {…}}` as JSON, or the raw paste as text/plain. Answers the same JSON as ' +
          '`bailian-doctor diagnose --json`; `?format=` picks another renderer; `?echo=true` includes the redacted ' +
          'text as `facts.text`.',
        tags: ['diagnose'],
        consumes: ['application/json', 'text/plain'],
        querystring: formatQuery(formats),
        body: diagnoseRequest,
        response: { 200: diagnoseResult, ...errorResponses },
      },
    },
    async (request, reply) =>
      send(reply, await run(request.body, request.query.echo === 'true'), request.query.format ?? 'json'),
  );
}
