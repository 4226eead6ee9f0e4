// Global middleware that runs before every listener: counts deliveries, answers each delivery once, and
// ignores messages from bots (this one included) so two bots can never talk to each other forever.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
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

export function deliveryGuard(deps: SlackDeps, inFlight: InFlight): Middleware<AnyMiddlewareArgs> {
  return (args) =>
    inFlight.track(async () => {
      const { body, context, next } = args;
      const key = deliveryKey(body);
      if (key && !deps.seen.first(key)) {
        deps.log.info({ event: 'slack.duplicate', key, retryNum: context.retryNum }, 'duplicate delivery ignored');
        if ('ack' in args && typeof args.ack === 'function') await args.ack();
        return;
      }
      const event = (body as { event?: BotFields }).event;
      if (event && isFromBot(event, context.botUserId)) return;
      await next();
    });
}
