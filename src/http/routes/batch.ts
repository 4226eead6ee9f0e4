// POST /v1/diagnose/batch: up to 100 texts in one request, answered in order. An item that is not valid gets
// its own error entry, so one bad item does not cost the caller the other 99 answers.

import type { FastifyInstance } from 'fastify';
import { type DiagnoseInput, type DiagnoseResult, rendererFor, toJsonResult } from '../../index.js';
import type { RouteContext } from '../context.js';
import { diagnoseWith, errorResponses, withAnswerId } from '../diagnose-with.js';
import { type ErrorBody, errorBody } from '../errors.js';
import { batchEnvelope, batchQuery, batchResponse, diagnoseRequest } from '../schemas.js';
import { compileBatchResponseSchema, serializeBatchBytes } from '../serializers.js';
import { describeSchemaError } from '../validation.js';

/** The JSON renderer's content type (the schema admits json only here). */
const JSON_ANSWER_TYPE = rendererFor('json')!.contentType;

export async function batchRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const run = diagnoseWith(ctx);
  app.post<{ Body: { items: unknown[] }; Querystring: { echo?: string } }>(
    '/v1/diagnose/batch',
    {
      schema: {
        summary: 'Diagnose up to 100 errors at once',
        description:
          'Answers `{"results": […]}` in the order of `items`. An item that is not valid gets its own ' +
          '`{"error": …}` entry; the rest of the batch is still diagnosed.',
        tags: ['diagnose'],
        querystring: batchQuery,
        body: batchEnvelope,
        response: { 200: batchResponse, ...errorResponses },
      },
      serializerCompiler: compileBatchResponseSchema,
    },
    async (request, reply) => {
      const validate = request.compileValidationSchema(diagnoseRequest);
      const echo = request.query.echo === 'true';
      const results: (DiagnoseResult | ErrorBody)[] = [];
      for (const [i, item] of request.body.items.entries()) {
        // Let other requests (health probes above all) in between items of a large batch.
        if (i > 0 && i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
        if (validate(item)) {
          const { result, answerId } = await run(item as DiagnoseInput, echo);
          results.push(withAnswerId(toJsonResult(result), answerId) as DiagnoseResult);
        } else {
          const problems = (validate.errors ?? []).map((e) => describeSchemaError(e as never, `items[${i}]`));
          results.push(errorBody('INVALID_ITEM', problems.join('; ') || `items[${i}] is not valid`));
        }
      }
      // Sent as UTF-8 bytes written from the schema, as the single route does.
      return reply.type(JSON_ANSWER_TYPE).send(serializeBatchBytes({ results }));
    },
  );
}
