// POST /v1/check: a client configuration in (base URL, model, key kind or prefix — never a key), the same answer
// as `bailian-doctor check --json` out. A body holding a key is refused before validation, so the refusal is
// about the key (not "unknown field"), and the key is neither logged nor repeated.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type CheckInput, type ClientProtocol, checkConfig, keyKindOfPrefix, redact } from '../../index.js';
import type { RouteContext } from '../context.js';
import { errorResponses } from '../diagnose-with.js';
import { ApiError } from '../errors.js';
import { checkRequest, checkResult } from '../schemas.js';

interface CheckBody {
  baseUrl?: string;
  model?: string;
  client?: ClientProtocol;
  keyKind?: 'standard' | 'coding-plan' | 'missing';
  keyPrefix?: string;
  keyRegion?: string;
}

const KEY_IN_BODY =
  'the body contains an API key or token; /v1/check never takes a key — send "keyKind" ("standard", "coding-plan") ' +
  'or "keyPrefix" ("sk-", "sk-sp-") instead. The key has left your machine: rotate it (create a new one, delete this one)';

/** Every string in the body, keys and values, at any depth (bounded by BODY_LIMIT). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  return out;
}

async function refuseKeys(request: FastifyRequest): Promise<void> {
  if (strings(request.body).some((s) => redact(s).findings.length > 0))
    throw new ApiError(400, 'KEY_IN_BODY', KEY_IN_BODY);
}

export async function checkRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.post<{ Body: CheckBody }>(
    '/v1/check',
    {
      schema: {
        summary: 'Check a client configuration before sending a request',
        description:
          'Body `{"baseUrl", "model", "client", "keyKind" | "keyPrefix", "keyRegion"}` — never the key. Answers the ' +
          'same JSON as `bailian-doctor check --json`: `{"ok", "config", "findings": [{"id", "severity", "message", ' +
          '"fix"}]}`. A body that contains a key is refused (400 KEY_IN_BODY).',
        tags: ['check'],
        body: checkRequest,
        response: { 200: checkResult, ...errorResponses },
      },
      preValidation: refuseKeys,
    },
    async (request) => {
      const b = request.body;
      if (b.keyKind !== undefined && b.keyPrefix !== undefined)
        throw new ApiError(400, 'INVALID_REQUEST', 'give body.keyKind or body.keyPrefix, not both');
      const input: CheckInput = {
        baseUrl: b.baseUrl,
        model: b.model,
        client: b.client,
        keyRegion: b.keyRegion,
        keyKind: b.keyKind ?? (b.keyPrefix === undefined ? undefined : keyKindOfPrefix(b.keyPrefix)),
      };
      return checkConfig(input, ctx.store.current());
    },
  );
}
