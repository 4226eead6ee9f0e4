// Robustness against a misbehaving Discord: REST 429 and 5xx, a dropped gateway, a failing message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bodyOf,
  CALLBACK,
  CHANNEL_MESSAGES,
  type Harness,
  INVALID_KEY_RULE,
  MATCHED_TEXT,
  ORIGINAL,
  startHarness,
} from './harness.js';

describe('robustness', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  const post = () =>
    h.fake.postMessage({ channelId: h.fake.ids.support, author: h.fake.user(), content: MATCHED_TEXT });

  it('waits out a 429 with retry-after and then answers', async () => {
    h.fake.failNext(CHANNEL_MESSAGES(h.fake.ids.support), 2, { status: 429, retryAfter: 0.05 });
    const m = await post();
    expect(await h.handled(m.id)).toBe('answered');
    const attempts = h.fake.requestsTo(CHANNEL_MESSAGES(h.fake.ids.support));
    expect(attempts.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(JSON.stringify(bodyOf(attempts[2]).embeds)).toContain(INVALID_KEY_RULE);
    expect(await h.waitForLog((e) => e.event === 'rest_error_status', 2)).toMatchObject([
      { status: 429 },
      { status: 429 },
    ]);
  });

  it('survives a run of 5xx longer than discord.js retries (our retry takes over)', async () => {
    const i0 = await h.fake.slashCommand(h.fake.user(), []); // warm-up: routes known, nothing else
    await h.fake.waitForRequests(CALLBACK(i0.id));
    h.fake.failNext({ method: 'PATCH', path: /\/messages\/@original$/ }, 5, { status: 502 });
    const i = await h.fake.slashCommand(h.fake.user(), [{ name: 'error', type: 3, value: MATCHED_TEXT }]);
    const edits = await h.fake.waitForRequests(ORIGINAL(i.token), 6);
    expect(edits.map((r) => r.status)).toEqual([502, 502, 502, 502, 502, 200]);
  });

  it('resumes after the gateway drops the connection and keeps answering', async () => {
    const first = await post();
    expect(await h.handled(first.id)).toBe('answered');
    const [identify] = h.fake.gateway.sentOps(2);
    h.fake.gateway.drop(4000);
    const second = await post(); // dispatched once the bot has resumed
    expect(await h.handled(second.id)).toBe('answered');
    const [resume] = h.fake.gateway.sentOps(6);
    expect(h.fake.gateway.connections).toBe(2);
    expect(h.fake.gateway.sentOps(2)).toHaveLength(1); // resumed, not re-identified
    expect((resume!.d as { session_id: string }).session_id).toBeTruthy();
    expect((identify!.d as { token: string }).token).toBe(h.fake.token);
    await h.waitForLog((e) => e.event === 'gateway_resumed');
  });

  it('also recovers from an abrupt socket loss (no close frame)', async () => {
    h.fake.gateway.drop(1006);
    const m = await post();
    expect(await h.handled(m.id)).toBe('answered');
    expect(h.fake.gateway.connections).toBe(2);
  });

  it('reconnects and resumes when the gateway asks it to (op 7)', async () => {
    h.fake.gateway.requestReconnect();
    const m = await post();
    expect(await h.handled(m.id)).toBe('answered');
    expect(h.fake.gateway.sentOps(6)).toHaveLength(1);
    expect(h.fake.gateway.sentOps(2)).toHaveLength(1);
  });

  it('one failing message does not stop the next one', async () => {
    h.fake.failNext(CHANNEL_MESSAGES(h.fake.ids.support), 100, { status: 500 });
    const bad = await post();
    expect(await h.handled(bad.id)).toBe('failed');
    h.fake.clearFaults();
    const good = await post();
    expect(await h.handled(good.id)).toBe('answered');
  });
});
