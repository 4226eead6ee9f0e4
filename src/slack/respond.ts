// Replies through a response_url (slash commands, shortcuts, buttons): private to the caller unless asked
// otherwise. Slack allows five uses of one URL, so a long answer stops at the first failure.
import type { RespondFn } from '@slack/bolt';
import type { SlackMessage } from '../render/slack.js';
import type { SlackDeps } from './deps.js';
import { safeCall } from './safe-call.js';

/** Send each message (never replacing the original); returns false when one could not be sent. */
export async function respondAll(
  deps: SlackDeps,
  respond: RespondFn,
  messages: SlackMessage[],
  visibility: 'ephemeral' | 'in_channel' = 'ephemeral',
): Promise<boolean> {
  for (const m of messages) {
    const res = await safeCall(deps.log, 'respond', () =>
      respond({ response_type: visibility, replace_original: false, ...m }),
    );
    if (res === undefined) return false;
    // Read the body so the connection goes back to the pool.
    await (res as Response).text?.().catch(() => '');
  }
  return true;
}
