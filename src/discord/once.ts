// Each interaction and watched message is handled once, also when a gateway resume replays it or two processes
// hold the same shard for a moment (a rolling deploy): its id is claimed in the delivery ledger first. Discord
// never redelivers an interaction the bot missed, so a claim is finished whatever the outcome; a ledger that
// fails costs nothing but the dedupe (logged).
import { DELIVERY_LEASE_MS } from '../chat/delivery-ledger.js';
import { type BotContext, errorSummary } from './context.js';

export async function once(ctx: BotContext, key: string, handle: () => Promise<void>): Promise<void> {
  const id = `discord:${key}`;
  let claimed = 'claimed';
  try {
    claimed = await ctx.deliveries.claim(id, ctx.owner, DELIVERY_LEASE_MS);
  } catch (err) {
    ctx.log.warn({ event: 'ledger_failed', key: id, err: errorSummary(err) }, 'delivery ledger failed');
  }
  // A taken-over claim runs again: an interaction's token answers once anyway, and a new gateway session is
  // replayed nothing, so a lapsed claim here is a holder that died before it answered.
  if (claimed !== 'claimed' && claimed !== 'resumed') {
    ctx.log.info({ event: 'duplicate', key: id, state: claimed }, 'already handled elsewhere');
    return;
  }
  try {
    await handle();
  } finally {
    await ctx.deliveries
      .finish(id)
      .catch((err: unknown) =>
        ctx.log.warn({ event: 'ledger_failed', key: id, err: errorSummary(err) }, 'delivery ledger failed'),
      );
  }
}
