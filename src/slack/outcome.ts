// Turning what the shared conversation core decided into Slack calls: an answer goes in the thread (replacing the
// "Reading your error…" status), a solved thread gets ✅ on its first message and one line saying what was
// recorded, silence removes the status.
import type { MessageOutcome } from '../chat/conversation/on-message.js';
import { renderSlackNotice } from '../index.js';
import type { DeliveryTrail } from './delivery-trail.js';
import type { SlackDeps } from './deps.js';
import { safeCall } from './safe-call.js';
import { clearStatus, postReplacingStatus, threadAnswerMessages } from './thread.js';
import type { WebClient } from './web-client.js';

export interface Place {
  channel: string;
  /** Where replies go (undefined: top level of a DM). */
  threadTs?: string;
  /** The message that gets ✅ when the thread is solved (the thread's parent, or the DM message). */
  reactTo: string;
  statusTs?: string;
  /** What this delivery already sent, when it was taken over from a replica that died mid-answer. */
  trail?: DeliveryTrail;
}

export const SOLVED_REACTION = 'white_check_mark';

function solvedNotice(deps: SlackDeps, ruleId: string | undefined): string {
  const title = ruleId ? deps.rules().get(ruleId)?.title : undefined;
  const recorded = title
    ? `I recorded that "${title}" fixed it.`
    : 'There was no answer of mine to credit, so nothing was recorded.';
  return `✅ That worked — this thread is marked solved. ${recorded}`;
}

/** Post what `outcome` says to post; true when something was said. */
export async function deliverOutcome(
  client: WebClient,
  deps: SlackDeps,
  outcome: MessageOutcome,
  key: string,
  place: Place,
): Promise<boolean> {
  const target = { channel: place.channel, threadTs: place.threadTs };
  if (outcome.kind === 'answer')
    return postReplacingStatus(client, deps, target, threadAnswerMessages(outcome, key), place.statusTs, place.trail);
  if (outcome.kind === 'solved') {
    await safeCall(deps.log, 'reactions.add', () =>
      client.reactions.add({ channel: place.channel, timestamp: place.reactTo, name: SOLVED_REACTION }),
    );
    return postReplacingStatus(
      client,
      deps,
      target,
      [renderSlackNotice(solvedNotice(deps, outcome.ruleId))],
      place.statusTs,
      place.trail,
    );
  }
  await clearStatus(client, deps, place.channel, place.statusTs);
  return false;
}
