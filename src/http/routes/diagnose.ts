// POST /v1/diagnose: text (+ facts) in, the CLI's --json answer out (or another renderer's output).

import type { FastifyInstance, FastifyReply } from 'fastify';
import { type DiagnoseInput, type DiagnoseResult, RENDERERS, toJsonResult } from '../../index.js';
import type { RouteContext } from '../context.js';
import { diagnoseWith, errorResponses } from '../diagnose-with.js';
import { installTextParser } from '../parsers.js';
import { diagnoseRequest, diagnoseResult, formatQuery } from '../schemas.js';

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

  app.post<{ Body: DiagnoseInput; Querystring: { format?: string } }>(
    '/v1/diagnose',
    {
      schema: {
        summary: 'Diagnose one pasted error',
        description:
          'Send `{"text": …, "facts"?: {…}}` as JSON, or the raw paste as text/plain. Answers the same JSON as ' +
          '`bailian-doctor diagnose --json`; `?format=` picks another renderer.',
        tags: ['diagnose'],
        consumes: ['application/json', 'text/plain'],
        querystring: formatQuery(formats),
        body: diagnoseRequest,
        response: { 200: diagnoseResult, ...errorResponses },
      },
    },
    async (request, reply) => send(reply, await run(request.body), request.query.format ?? 'json'),
  );
}
