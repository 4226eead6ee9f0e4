// Replies through a response_url (slash commands, shortcuts, buttons): private to the caller unless asked
// otherwise. Slack allows five uses of one URL, so a long answer stops at the first message that cannot be sent.

import type { RespondArguments, RespondFn } from '@slack/bolt';
import { withRetry } from '../chat/retry.js';
import type { SlackMessage } from '../index.js';
import type { SlackDeps } from './deps.js';

/** Attempts per message, and the backoff before each retry. Bolt's respond() itself never retries. */
export const RESPOND_ATTEMPTS = 3;
const BACKOFF_MS = [500, 1000];

/** A 429, a 5xx or a dropped connection may succeed later; a 404 (expired URL) or 400 never will. */
function retryable(err: unknown): boolean {
  const status = (err as { statusCode?: number }).statusCode;
  return status === undefined || status === 429 || status >= 500;
}

async function respondOnce(deps: SlackDeps, respond: RespondFn, message: RespondArguments): Promise<boolean> {
  const status = (err: unknown) => (err as { statusCode?: number }).statusCode;
  try {
    const res = await withRetry(() => respond(message), {
      backoffMs: BACKOFF_MS.slice(0, RESPOND_ATTEMPTS - 1),
      retryable,
      onRetry: (err, attempt) =>
        deps.log.warn(
          { event: 'slack.respond_retry', call: 'respond', status: status(err), attempt },
          'respond failed; retrying',
        ),
    });
    // Read the body so the connection goes back to the pool.
    await (res as unknown as Response).text?.().catch(() => '');
    return true;
  } catch (err) {
    deps.log.warn({ event: 'slack.call_failed', call: 'respond', status: status(err) }, 'respond failed');
    return false;
  }
}

/** Send each message (never replacing the original); returns false when one could not be sent. */
export async function respondAll(
  deps: SlackDeps,
  respond: RespondFn,
  messages: SlackMessage[],
  visibility: 'ephemeral' | 'in_channel' = 'ephemeral',
): Promise<boolean> {
  for (const m of messages) {
    if (!(await respondOnce(deps, respond, { response_type: visibility, replace_original: false, ...m }))) return false;
  }
  return true;
}
