// One retry helper for both bots, on top of their clients' own retries: when the platform is still failing
// after those, try again after a pause, and give up on errors that will never succeed.

export interface RetryPolicy {
  /** Pause before each further attempt; its length is the number of retries. */
  backoffMs: readonly number[];
  /** Whether this failure may succeed later (a 5xx, a 429, a dropped connection). */
  retryable(err: unknown): boolean;
  /** Told before each pause (for a log line). */
  onRetry?(err: unknown, attempt: number): void;
}

export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const wait = policy.backoffMs[attempt - 1];
      if (wait === undefined || !policy.retryable(err)) throw err;
      policy.onRetry?.(err, attempt);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** The connection dropped or timed out: worth another try on any platform. */
export function isNetworkDrop(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return (
    code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || (err as Error)?.name === 'AbortError'
  );
}
