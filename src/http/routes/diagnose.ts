// POST /v1/diagnose and POST /v1/diagnose/batch: text (+ facts) in, the CLI's --json answer out.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { diagnose } from '../../diagnose.js';
import { RENDERERS } from '../../render/index.js';
import { toJsonResult } from '../../render/json.js';
import type { DiagnoseInput, DiagnoseResult } from '../../types.js';
import type { RouteContext } from '../context.js';
import { errorBody } from '../errors.js';
import { installTextParser } from '../parsers.js';
import {
  batchEnvelope,
  batchResponse,
  diagnoseRequest,
  diagnoseResult,
  errorResponse,
  formatQuery,
} from '../schemas.js';
import { describeSchemaError } from '../validation.js';

const errors = { 400: errorResponse, 401: errorResponse, 413: errorResponse, 415: errorResponse, 429: errorResponse };

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
  const run = async (input: DiagnoseInput) => {
    const result = await diagnose(input, { rules: ctx.store.current() });
    ctx.metrics.observeResult(result);
    return result;
  };

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
        response: { 200: diagnoseResult, ...errors },
      },
    },
    async (request, reply) => send(reply, await run(request.body), request.query.format ?? 'json'),
  );

  app.post<{ Body: { items: unknown[] } }>(
    '/v1/diagnose/batch',
    {
      schema: {
        summary: 'Diagnose up to 100 errors at once',
        description:
          'Answers `{"results": […]}` in the order of `items`. An item that is not valid gets its own ' +
          '`{"error": …}` entry; the rest of the batch is still diagnosed.',
        tags: ['diagnose'],
        body: batchEnvelope,
        response: { 200: batchResponse, ...errors },
      },
    },
    async (request) => {
      const validate = request.compileValidationSchema(diagnoseRequest);
      const results = [];
      for (const [i, item] of request.body.items.entries()) {
        if (validate(item)) results.push(toJsonResult(await run(item as DiagnoseInput)));
        else {
          const problems = (validate.errors ?? []).map((e) => describeSchemaError(e as never, `items[${i}]`));
          results.push(errorBody('INVALID_ITEM', problems.join('; ') || `items[${i}] is not valid`));
        }
      }
      return { results };
    },
  );
}
