// Heartbeats: acknowledged ones keep the session; unacknowledged ones make the bot resume on a new socket.
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, MATCHED_TEXT, startHarness } from './harness.js';

describe('gateway heartbeats', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('keeps one session while heartbeats are acknowledged', async () => {
    // Long enough that a busy test machine never makes an ACK look late (the client would resume).
    h = await startHarness({ heartbeatInterval: 500 });
    await h.fake.gateway.waitForOp(1, 2);
    expect(h.fake.gateway.connections).toBe(1);
    expect(h.fake.gateway.sentOps(6)).toHaveLength(0);
  });

  it('resumes when heartbeats go unacknowledged (zombie connection), then answers again', async () => {
    h = await startHarness({ heartbeatInterval: 100 });
    h.fake.gateway.ackHeartbeats = false;
    await h.fake.gateway.waitForOp(6);
    h.fake.gateway.ackHeartbeats = true;
    const m = await h.fake.postMessage({ channelId: h.fake.ids.support, author: h.fake.user(), content: MATCHED_TEXT });
    expect(await h.handled(m.id)).toBe('answered');
    expect(h.fake.gateway.connections).toBeGreaterThanOrEqual(2);
    expect(h.fake.gateway.sentOps(2)).toHaveLength(1);
  });
});
