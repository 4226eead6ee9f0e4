// One per-user limit for both bots, so one person cannot flood a channel through either: a token bucket (a burst,
// then a steady refill). The first refusal in a row is worth telling the user; the ones after it stay quiet.

export interface UserRateLimit {
  /** Requests a user may make in a burst. */
  burst: number;
  /** Requests a user regains per minute. */
  perMinute: number;
}

const DEFAULT_USER_RATE_LIMIT: UserRateLimit = { burst: 5, perMinute: 10 };
/** Users tracked before idle ones (whose bucket has refilled) are forgotten. */
const TRACKED_USERS_MAX = 10_000;

interface Bucket {
  tokens: number;
  at: number;
  /** Whether the user was already told they are limited since the bucket last had tokens. */
  told: boolean;
}

export type RateDecision = 'allow' | 'deny-and-tell' | 'deny';

export class UserRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    private readonly limit: UserRateLimit = DEFAULT_USER_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Take one token for `user`. The first refusal says "tell them"; later ones stay quiet. */
  take(user: string): RateDecision {
    const t = this.now();
    if (this.buckets.size >= TRACKED_USERS_MAX) this.forgetIdle(t);
    const b = this.refilled(user, t);
    this.buckets.set(user, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      b.told = false;
      return 'allow';
    }
    if (b.told) return 'deny';
    b.told = true;
    return 'deny-and-tell';
  }

  /** How long until `user` may ask again (0 when they may now). */
  retryAfterMs(user: string): number {
    const b = this.refilled(user, this.now());
    return b.tokens >= 1 ? 0 : Math.ceil(((1 - b.tokens) / this.limit.perMinute) * 60_000);
  }

  private refilled(user: string, t: number): Bucket {
    const b = this.buckets.get(user) ?? { tokens: this.limit.burst, at: t, told: false };
    b.tokens = Math.min(this.limit.burst, b.tokens + ((t - b.at) / 60_000) * this.limit.perMinute);
    b.at = t;
    return b;
  }

  /** A user whose bucket is full again is the same as a user never seen. */
  private forgetIdle(t: number): void {
    const refillMs = (this.limit.burst / this.limit.perMinute) * 60_000;
    for (const [user, b] of this.buckets) if (t - b.at >= refillMs) this.buckets.delete(user);
  }
}
