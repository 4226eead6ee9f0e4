// How far one delivery's answer got in Slack, kept in the delivery ledger as it goes: the "Reading your error…"
// status message's ts once it is posted, then how many of the answer's messages are out. A replica that takes over
// a lapsed claim (the one holding it was killed mid-answer) reads that mark and finishes the answer — it updates the
// same status message and skips what was sent — instead of posting it all a second time. The only moment a mark
// cannot cover is between a post and its mark; for that, the taker also reads the thread once (conversations.replies,
// within the one-a-minute gate) for what this bot already posted there after the person's message.
import type { SlackDeps } from './deps.js';
import { safeCall } from './safe-call.js';
import type { WebClient } from './web-client.js';

export interface TrailMark {
  /** The status message the answer replaces. */
  statusTs?: string;
  /** How many of the answer's messages went out (the status, once updated into the first, counts as one). */
  sent: number;
}

interface BotMessage {
  ts?: string;
  bot_id?: string;
  user?: string;
  blocks?: unknown[];
}

/** Bolt's per-request context carries the trail from the delivery guard to the listener. */
export interface TrailContext {
  deliveryTrail?: DeliveryTrail;
}

export function parseTrailMark(raw: string | undefined): TrailMark | undefined {
  if (!raw) return undefined;
  try {
    const m = JSON.parse(raw) as { s?: unknown; n?: unknown };
    return { statusTs: typeof m.s === 'string' ? m.s : undefined, sent: typeof m.n === 'number' ? m.n : 0 };
  } catch {
    return undefined;
  }
}

export class DeliveryTrail {
  private mark: TrailMark;

  constructor(
    private readonly deps: SlackDeps | undefined,
    private readonly key: string | undefined,
    /** True when an earlier holder may have posted part of the answer. */
    readonly resumed = false,
    prior?: TrailMark,
  ) {
    this.mark = prior ?? { sent: 0 };
  }

  /** A delivery without a ledger key (nothing to resume): records nothing. */
  static none(): DeliveryTrail {
    return new DeliveryTrail(undefined, undefined);
  }

  static of(context: TrailContext): DeliveryTrail {
    return context.deliveryTrail ?? DeliveryTrail.none();
  }

  /** The status message an earlier holder posted (reuse it rather than post another). */
  get statusTs(): string | undefined {
    return this.mark.statusTs;
  }

  /** Whether answer message `i` already went out under an earlier holder. */
  wasSent(i: number): boolean {
    return i < this.mark.sent;
  }

  async statusPosted(ts: string | undefined): Promise<void> {
    if (ts) await this.save({ ...this.mark, statusTs: ts });
  }

  async delivered(i: number): Promise<void> {
    if (i + 1 > this.mark.sent) await this.save({ ...this.mark, sent: i + 1 });
  }

  /**
   * On a resumed delivery, look in the thread for what this bot (`bot`: Bolt's context) posted after `afterTs`:
   * the first such message stands for the status (or the answer that replaced it), and an answer already in
   * blocks counts as sent. Skipped when the gate is shut: then the mark alone decides.
   */
  async recover(
    client: WebClient,
    target: { channel: string; threadTs?: string },
    afterTs: string,
    bot: { botUserId?: string; botId?: string },
  ): Promise<void> {
    const deps = this.deps;
    const { botUserId } = bot;
    if (!(this.resumed && deps && target.threadTs && (botUserId || bot.botId))) return;
    if (!deps.repliesGate.take()) {
      deps.log.info({ event: 'slack.resume_unchecked', key: this.key }, 'resumed delivery: thread not read');
      return;
    }
    const res = await safeCall(deps.log, 'conversations.replies', () =>
      client.conversations.replies({ channel: target.channel, ts: target.threadTs!, oldest: afterTs, limit: 50 }),
    );
    // Only this bot's own posts: another bot answering in the same thread is not part of this answer.
    const ours = ((res?.messages ?? []) as BotMessage[]).filter(
      (m) =>
        m.ts &&
        Number(m.ts) > Number(afterTs) &&
        (botUserId ? m.user === botUserId : Boolean(bot.botId && m.bot_id === bot.botId)),
    );
    const first = ours[0];
    if (!first) return;
    const sent = Array.isArray(first.blocks) && first.blocks.length ? ours.length : 0;
    this.mark = { statusTs: this.mark.statusTs ?? first.ts, sent: Math.max(this.mark.sent, sent) };
    deps.log.info({ event: 'slack.resumed', key: this.key, sent: this.mark.sent }, 'resumed a delivery in its thread');
  }

  private async save(mark: TrailMark): Promise<void> {
    this.mark = mark;
    const { deps, key } = this;
    if (!(deps && key)) return;
    try {
      await deps.deliveries.mark(key, JSON.stringify({ s: mark.statusTs, n: mark.sent }));
    } catch (err) {
      // A failed mark costs only the resume after a kill (at worst a second post), never this answer.
      deps.log.warn({ event: 'slack.ledger_failed', key, error: (err as Error).message }, 'delivery mark failed');
    }
  }
}
