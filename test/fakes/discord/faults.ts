// Fault injection for the fake REST API: "the next N requests to route X answer 429 / 5xx".

export interface RouteMatch {
  /** HTTP method; any when absent. */
  method?: string;
  /** Matched against the decoded path after /api/v10, e.g. /channels/123/messages or /webhooks/…/@original. */
  path: RegExp | string;
}

export type Fault =
  | { status: 429; retryAfter: number; global?: boolean }
  | { status: 500 | 502 | 503 | 504 }
  /** A JSON error Discord answers with a code, e.g. 404 / 10008 Unknown Message while a forum post is not ready. */
  | { status: 400 | 403 | 404; code: number; message: string };

interface PendingFault {
  match: RouteMatch;
  remaining: number;
  fault: Fault;
}

export function routeMatches(match: RouteMatch, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method) return false;
  return typeof match.path === 'string' ? path === match.path : match.path.test(path);
}

export class FaultPlan {
  private pending: PendingFault[] = [];

  add(match: RouteMatch, count: number, fault: Fault): void {
    this.pending.push({ match, remaining: count, fault });
  }

  /** The fault to answer with for this request, consuming one use of it. */
  take(method: string, path: string): Fault | undefined {
    const f = this.pending.find((p) => p.remaining > 0 && routeMatches(p.match, method, path));
    if (!f) return undefined;
    f.remaining -= 1;
    return f.fault;
  }

  clear(): void {
    this.pending = [];
  }
}

/** Status, headers and body a real Discord sends for the fault. */
export function faultResponse(fault: Fault): { status: number; headers: Record<string, string>; body: unknown } {
  if (fault.status === 429) {
    return {
      status: 429,
      headers: {
        'retry-after': String(fault.retryAfter),
        'x-ratelimit-scope': fault.global ? 'global' : 'user',
        ...(fault.global ? { 'x-ratelimit-global': 'true' } : {}),
      },
      body: { message: 'You are being rate limited.', retry_after: fault.retryAfter, global: Boolean(fault.global) },
    };
  }
  if ('code' in fault) return { status: fault.status, headers: {}, body: { message: fault.message, code: fault.code } };
  return { status: fault.status, headers: {}, body: { message: 'Internal Server Error', code: 0 } };
}
