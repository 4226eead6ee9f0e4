// The one per-user limit both bots share: a burst, then a steady refill; the first refusal is told, later quiet.
import { describe, expect, it } from 'vitest';
import { UserRateLimiter } from '../../src/chat/rate-limit.js';
import { manualClock } from '../helpers/clock.js';

describe('UserRateLimiter', () => {
  it('allows the burst, tells once, then refuses quietly until tokens come back', () => {
    const c = manualClock();
    const limiter = new UserRateLimiter({ burst: 2, perMinute: 6 }, c.now);
    expect(['u', 'u', 'u', 'u'].map((u) => limiter.take(u))).toEqual(['allow', 'allow', 'deny-and-tell', 'deny']);
    expect(limiter.take('other')).toBe('allow');
    c.advance(10_000); // 6 a minute = one every 10 s
    expect(limiter.take('u')).toBe('allow');
    expect(limiter.take('u')).toBe('deny-and-tell');
  });

  it('says how long until the next request is allowed', () => {
    const c = manualClock();
    const limiter = new UserRateLimiter({ burst: 1, perMinute: 6 }, c.now);
    expect(limiter.retryAfterMs('u')).toBe(0);
    limiter.take('u');
    expect(limiter.retryAfterMs('u')).toBe(10_000);
    c.advance(4_000);
    expect(limiter.retryAfterMs('u')).toBe(6_000);
  });
});
