// The error handler and the not-found handler: every failure leaves as {"error": {"code", "message"}}.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody, mapError } from './errors.js';

export interface Refusal {
  code: string;
  reason: string;
}

const refusals = new WeakMap<FastifyRequest, Refusal>();

/** Why a request was refused, for its one log line (undefined for answered requests). */
export const refusalOf = (request: FastifyRequest): Refusal | undefined => refusals.get(request);

export function installErrorHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler<FastifyError>((err, request, reply) => {
    const mapped = err.validation
      ? { status: 400, body: errorBody('INVALID_REQUEST', err.message) }
      : mapError(err, { bodyLimit, contentType: request.headers['content-type'] });
    // Our bugs get the stack in the log; the client's mistakes get a code and reason on the request line.
    if (mapped.status >= 500 && mapped.body.error.code === 'INTERNAL') request.log.error({ err }, 'request failed');
    else refusals.set(request, { code: mapped.body.error.code, reason: mapped.body.error.message });
    if (mapped.status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.code(mapped.status).send(mapped.body);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = ['GET', 'POST'].filter((method) => app.hasRoute({ method, url: path }));
    // The path is repeated only when it is one of ours: a client can put anything in it, a key included.
    const body = allowed.length
      ? errorBody('METHOD_NOT_ALLOWED', `${path} answers ${allowed.join(', ')}, not ${request.method}`)
      : errorBody('NOT_FOUND', `no route ${request.method} for this path; see GET /docs for the API reference`);
    refusals.set(request, { code: body.error.code, reason: body.error.message });
    if (allowed.length) reply.header('allow', allowed.join(', '));
    return reply.code(allowed.length ? 405 : 404).send(body);
  });
}
