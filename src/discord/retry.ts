// Our retry on top of discord.js: its REST client retries a 5xx three times at once and waits out 429s;
// when Discord is still failing after that, we try again after a pause before giving up.
import { DiscordAPIError, HTTPError } from 'discord.js';

/** Worth another try: a server error, or the network dropped. Client errors (4xx) are not. */
export function isTransient(err: unknown): boolean {
  if (err instanceof HTTPError) return err.status >= 500;
  if (err instanceof DiscordAPIError) return err.status >= 500 || err.status === 429;
  const code = (err as { code?: string } | null)?.code;
  return (
    code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || (err as Error)?.name === 'AbortError'
  );
}

export async function withRetry<T>(fn: () => Promise<T>, backoffMs: readonly number[]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const wait = backoffMs[attempt];
      if (wait === undefined || !isTransient(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
