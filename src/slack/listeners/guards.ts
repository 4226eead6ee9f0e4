// Global middleware that runs before every listener: counts deliveries, answers each delivery once (claimed in the
// delivery ledger, shared by replicas when storage is; a delivery taken over from a killed replica carries its
// trail, so the answer is finished rather than posted again), and
// ignores messages from bots (this one included) so two bots can never talk to each other forever.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { ClaimResult } from '../../chat/delivery-ledger.js';
import { DeliveryTrail, parseTrailMark, type TrailContext } from '../delivery-trail.js';
import type { SlackDeps } from '../deps.js';
import type { InFlight } from '../in-flight.js';

interface BotFields {
  user?: string;
  bot_id?: string;
  bot_profile?: unknown;
  subtype?: string;
}

export function isFromBot(event: BotFields, botUserId: string | undefined): boolean {
  return Boolean(
    event.bot_id || event.bot_profile || event.subtype === 'bot_message' || (botUserId && event.user === botUserId),
  );
}

/** The id Slack keeps when it redelivers: `event_id` for events, `trigger_id` for commands and interactions. */
export function deliveryKey(body: unknown): string | undefined {
  const b = body as { event_id?: string; trigger_id?: string };
  if (b.event_id) return `event:${b.event_id}`;
  if (b.trigger_id) return `trigger:${b.trigger_id}`;
  return undefined;
}

/** Another replica holds this delivery within its lease: answered 500 so Slack retries it later. */
class DeliveryInProgressError extends Error {
  readonly code = 'slack_delivery_in_progress';
  constructor(readonly key: string) {
    super(`delivery ${key} is being answered by another replica; Slack will retry it`);
  }
}

async function claim(deps: SlackDeps, key: string): Promise<ClaimResult> {
  try {
    return await deps.deliveries.claim(key, deps.owner, deps.leaseMs);
  } catch (err) {
    // A storage failure never costs an answer: answer (at worst twice) and say so.
    deps.log.warn({ event: 'slack.ledger_failed', key, error: (err as Error).message }, 'delivery ledger failed');
    return 'claimed';
  }
}

/** The trail a listener continues: after a takeover, what the earlier holder marked (a failed read: nothing). */
async function trailFor(deps: SlackDeps, key: string, claimed: ClaimResult): Promise<DeliveryTrail> {
  if (claimed !== 'resumed') return new DeliveryTrail(deps, key);
  const prior = await deps.deliveries.progress(key).catch(() => undefined);
  deps.log.info({ event: 'slack.takeover', key }, 'took over a delivery whose holder went quiet');
  return new DeliveryTrail(deps, key, true, parseTrailMark(prior));
}

async function settle(deps: SlackDeps, key: string, how: 'finish' | 'release'): Promise<void> {
  try {
    await deps.deliveries[how](key);
  } catch (err) {
    deps.log.warn({ event: 'slack.ledger_failed', key, error: (err as Error).message }, 'delivery ledger failed');
  }
}

export function deliveryGuard(deps: SlackDeps, inFlight: InFlight): Middleware<AnyMiddlewareArgs> {
  return (args) =>
    inFlight.track(async () => {
      const { body, context, next } = args;
      const key = deliveryKey(body);
      const claimed = key ? await claim(deps, key) : 'claimed';
      if (claimed === 'done' || (claimed === 'in_progress' && !deps.deliveries.shared)) {
        deps.log.info({ event: 'slack.duplicate', key, retryNum: context.retryNum }, 'duplicate delivery ignored');
        if ('ack' in args && typeof args.ack === 'function') await args.ack();
        return;
      }
      if (claimed === 'in_progress') {
        deps.log.info({ event: 'slack.in_progress_elsewhere', key, retryNum: context.retryNum }, 'retry later');
        throw new DeliveryInProgressError(key!);
      }
      const event = (body as { event?: BotFields }).event;
      if (key) (context as TrailContext).deliveryTrail = await trailFor(deps, key, claimed);
      try {
        if (!(event && isFromBot(event, context.botUserId))) await next();
      } catch (err) {
        if (key) await settle(deps, key, 'release');
        throw err;
      }
      if (key) await settle(deps, key, 'finish');
    });
}
