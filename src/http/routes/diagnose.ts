// POST /v1/diagnose: text (+ facts) in, the CLI's --json answer out (or another renderer's output).

import type { FastifyInstance, FastifyReply } from 'fastify';
import { type DiagnoseInput, type DiagnoseResult, FORMATS, rendererFor } from '../../index.js';
import type { RouteContext } from '../context.js';
import { type Answered, diagnoseWith, errorResponses, withAnswerId } from '../diagnose-with.js';
import { installTextParser } from '../parsers.js';
import { diagnoseRequest, diagnoseResult, formatQuery } from '../schemas.js';
import { compileResponseSchema, serializeResultBytes } from '../serializers.js';

function send(reply: FastifyReply, { result, answerId }: Answered, format: string) {
  // The schema admits only known formats, so the renderer is there.
  const renderer = rendererFor(format)!;
  reply.type(renderer.contentType);
  // Every format carries the id in a header; the JSON answer also in its body, for POST /v1/feedback.
  if (answerId) reply.header('answer-id', answerId);
  // The JSON answer goes as UTF-8 bytes written from its schema (serializers.ts): sent as a string, Node would
  // measure and encode it again.
  if (format === 'json' && renderer.body)
    return reply.send(serializeResultBytes(withAnswerId(renderer.body(result), answerId) as DiagnoseResult));
  return reply.send(renderer.body ? renderer.body(result) : renderer.render(result));
}

export async function diagnoseRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  installTextParser(app);
  const run = diagnoseWith(ctx);

  app.post<{ Body: DiagnoseInput; Querystring: { format?: string; echo?: string } }>(
    '/v1/diagnose',
    {
      schema: {
        summary: 'Diagnose one pasted error',
        description:
          'Send `{"text": …, "facts"?: {…}}` as JSON, or the raw paste as text/plain. Answers the same JSON as ' +
          '`bailian-doctor diagnose --json`; `?format=` picks another renderer; `?echo=true` includes the redacted ' +
          'text as `facts.text`. `answerId` (also the `Answer-Id` header) names the kept answer for `POST /v1/feedback`.',
        tags: ['diagnose'],
        consumes: ['application/json', 'text/plain'],
        querystring: formatQuery(FORMATS),
        body: diagnoseRequest,
        response: { 200: diagnoseResult, ...errorResponses },
      },
      // The hot path: answers written by serializers compiled from these schemas (serializers.ts).
      serializerCompiler: compileResponseSchema,
    },
    async (request, reply) =>
      send(reply, await run(request.body, request.query.echo === 'true'), request.query.format ?? 'json'),
  );
}
