// Discord's side of the shared retry (chat/retry.ts): its REST client retries a 5xx three times at once and
// waits out 429s; when Discord is still failing after that, we try again after a pause before giving up.
import { DiscordAPIError, HTTPError } from 'discord.js';
import { isNetworkDrop, withRetry } from '../chat/retry.js';

/** Worth another try: a server error, or the network dropped. Client errors (4xx) are not. */
function isTransient(err: unknown): boolean {
  if (err instanceof HTTPError) return err.status >= 500;
  if (err instanceof DiscordAPIError) return err.status >= 500 || err.status === 429;
  return isNetworkDrop(err);
}

export function sendWithRetry<T>(fn: () => Promise<T>, backoffMs: readonly number[]): Promise<T> {
  return withRetry(fn, { backoffMs, retryable: isTransient });
}
