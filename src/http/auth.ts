// Optional bearer-token auth for /v1. Tokens are compared as SHA-256 digests in constant time, so neither
// the comparison's timing nor a log line can reveal a token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

export interface BearerAuth {
  /** Throws a 401 ApiError unless the request carries an accepted token. */
  check(request: FastifyRequest): void;
  /** A stable, non-secret id for the request's token (rate-limit key), or undefined. */
  clientId(request: FastifyRequest): string | undefined;
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1];
}

export function createBearerAuth(tokens: string[]): BearerAuth {
  const accepted = tokens.map(digest);
  const indexOf = (token: string): number => {
    const d = digest(token);
    let found = -1;
    // Check every token, always: stopping at the first match would time which one matched.
    accepted.forEach((a, i) => {
      if (timingSafeEqual(a, d)) found = i;
    });
    return found;
  };
  return {
    check(request) {
      const token = bearerOf(request);
      if (!token)
        throw new ApiError(
          401,
          'UNAUTHORIZED',
          'this API needs a token: send the header "Authorization: Bearer <token>" with a token from API_TOKENS',
        );
      if (indexOf(token) < 0) throw new ApiError(401, 'UNAUTHORIZED', 'the bearer token is not one of API_TOKENS');
    },
    clientId(request) {
      const token = bearerOf(request);
      if (!token) return undefined;
      const i = indexOf(token);
      // Named by a short hash of the token, not its place in API_TOKENS: replicas that list the tokens in another
      // order, or a rotation that adds or drops one, still count each client against one shared allowance.
      return i >= 0 ? `token:${accepted[i]!.toString('hex').slice(0, 16)}` : undefined;
    },
  };
}
