// GET /openapi.json (OpenAPI 3.1 built by @fastify/swagger from the route schemas) and GET /docs (Swagger UI).
// Must be registered before the routes: @fastify/swagger learns routes as they are added.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { VERSION } from '../index.js';
import { batchRequest } from './schemas.js';

export async function registerDocs(app: FastifyInstance, options: { auth: boolean }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'bailian-doctor HTTP API',
        version: VERSION,
        description:
          'Diagnose Alibaba Cloud Model Studio (DashScope / Qwen API) errors. Every error answer is ' +
          '`{"error": {"code", "message"}}`; every answer carries an `X-Request-Id` header.',
      },
      // Declared whether or not auth is on, so Swagger UI's "Authorize" can send the token; the /v1 routes require
      // it (below) only when API_TOKENS is set.
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'One of the tokens in API_TOKENS ("Authorization: Bearer <token>"); not needed when it is empty.',
          },
        },
      },
    },
    transform: ({ schema, url }) => {
      if (!schema) return { schema, url };
      const out = { ...schema } as Record<string, unknown>;
      // The batch route validates each item on its own (a bad item gets its own error); document the items.
      if (url === '/v1/diagnose/batch') out.body = batchRequest;
      if (options.auth && url.startsWith('/v1/')) out.security = [{ bearer: [] }];
      return { schema: out as typeof schema, url };
    },
    // A text/plain body is the raw paste, not the JSON object (the route's parser wraps it as {text}).
    transformObject: (documentObject) => {
      const doc = (documentObject as { openapiObject: Record<string, unknown> }).openapiObject as {
        paths?: Record<string, { post?: { requestBody?: { content?: Record<string, unknown> } } }>;
      };
      const content = doc.paths?.['/v1/diagnose']?.post?.requestBody?.content;
      if (content?.['text/plain'])
        content['text/plain'] = { schema: { type: 'string', description: 'The raw pasted error.' } };
      return doc as never;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
