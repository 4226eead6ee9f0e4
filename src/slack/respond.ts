// Replies through a response_url (slash commands, shortcuts, buttons): private to the caller unless asked
// otherwise. Slack allows five uses of one URL, so a long answer stops at the first message that cannot be sent.

import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { SlackMessage } from '../index.js';
import type { SlackDeps } from './deps.js';

/** Attempts per message, and the first backoff (doubled each time). Bolt's respond() itself never retries. */
export const RESPOND_ATTEMPTS = 3;
const FIRST_BACKOFF_MS = 500;

/** A 429, a 5xx or a dropped connection may succeed later; a 404 (expired URL) or 400 never will. */
function retryable(err: unknown): boolean {
  const status = (err as { statusCode?: number }).statusCode;
  return status === undefined || status === 429 || status >= 500;
}

async function respondOnce(deps: SlackDeps, respond: RespondFn, message: RespondArguments): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await respond(message);
      // Read the body so the connection goes back to the pool.
      await (res as unknown as Response).text?.().catch(() => '');
      return true;
    } catch (err) {
      const e = err as { statusCode?: number; message?: string };
      const again = attempt < RESPOND_ATTEMPTS && retryable(err);
      deps.log.warn(
        { event: again ? 'slack.respond_retry' : 'slack.call_failed', call: 'respond', status: e.statusCode, attempt },
        again ? 'respond failed; retrying' : 'respond failed',
      );
      if (!again) return false;
      await new Promise((r) => setTimeout(r, FIRST_BACKOFF_MS * 2 ** (attempt - 1)));
    }
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
