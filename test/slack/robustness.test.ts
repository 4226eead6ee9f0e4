// What goes wrong in production: forged or stale requests, Slack redelivering an event, the Web API
// answering 429/5xx or dropping the connection, bots talking to bots, one user flooding the channel.
import { afterEach, describe, expect, it } from 'vitest';
import { RATE_LIMITED_NOTICE } from '../../src/slack/listeners/limit.js';
import { eventCallback, nextTs } from '../fakes/slack/payloads.js';
import { type Harness, MODES, startHarness, TEST_RETRY, USER, WATCHED } from './harness.js';

const ERROR =
  '{"status_code": 401, "request_id": "abc12345-1", "code": "InvalidApiKey", "message": "Invalid API-key provided."}';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const dm = (text = ERROR, user = USER) =>
  eventCallback({ type: 'message', channel_type: 'im', channel: 'DDM0000001', user, ts: nextTs(), text });

describe('HTTP mode request verification', () => {
  it('rejects a request signed with the wrong secret, and one with a stale timestamp', async () => {
    h = await startHarness('http');
    const body = JSON.stringify(dm());
    expect(await h.http!.post(body, { secret: 'f'.repeat(32) })).toBe(401);
    expect(await h.http!.post(body, { timestamp: Math.floor(Date.now() / 1000) - 600 })).toBe(401);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    // The same body, properly signed, is answered: the rejections were about the signature alone.
    expect(await h.send.event(JSON.parse(body))).toBe(200);
    await h.settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers url_verification only when signed', async () => {
    h = await startHarness('http');
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    expect(await h.http!.post(body, { secret: 'f'.repeat(32) })).toBe(401);
    expect(await h.http!.post(body)).toBe(200);
  });
});

describe.each(MODES)('robustness (%s mode)', (mode) => {
  it('answers a retried delivery of the same event once', async () => {
    h = await startHarness(mode);
    const event = dm();
    // The retry can arrive while the first delivery is still being answered.
    await Promise.all([h.send.event(event), h.send.event(event, { retryNum: 1 })]);
    await h.send.event(event, { retryNum: 2 });
    await h.settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.logs.filter((l) => l.event === 'slack.duplicate')).toHaveLength(2);
  });

  it('answers a retry of an event it never received', async () => {
    h = await startHarness(mode);
    await h.send.event(dm(), { retryNum: 1 });
    await h.settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers a mention in a watched channel once, though it arrives as app_mention and as message', async () => {
    h = await startHarness(mode);
    const ts = nextTs();
    const text = `<@${h.fake.botUserId}> ${ERROR}`;
    await h.send.event(
      eventCallback({ type: 'message', channel_type: 'channel', channel: WATCHED, user: USER, ts, text }),
    );
    await h.send.event(eventCallback({ type: 'app_mention', channel: WATCHED, user: USER, ts, text }));
    await h.settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('retries a 429 (honouring Retry-After), a 5xx and a dropped connection, then posts', async () => {
    h = await startHarness(mode);
    h.fake.failNext('chat.postMessage', 1, { status: 429, retryAfter: 1 });
    h.fake.failNext('chat.postMessage', 1, { status: 503 });
    h.fake.failNext('chat.postMessage', 1, { drop: true });
    await h.send.event(dm());
    await h.settle();
    const statuses = h.fake.callsTo('chat.postMessage').map((c) => c.status);
    expect(statuses).toEqual([429, 503, 0, 200]);
  });

  it('survives a Web API that keeps failing: logs it and answers the next request', async () => {
    h = await startHarness(mode);
    h.fake.failNext('chat.postMessage', 10, { status: 500 });
    await h.send.event(dm());
    await h.settle();
    expect(h.logs.some((l) => l.event === 'slack.call_failed' && l.call === 'chat.postMessage')).toBe(true);
    // Each post (the "Reading your error…" status, then the answer) was tried once plus its retries.
    const attempts = h.fake.callsTo('chat.postMessage');
    expect(attempts.length).toBe(2 * (TEST_RETRY.retries + 1));
    expect(attempts.every((c) => c.status === 500)).toBe(true);
    h.fake.clearFaults();
    await h.send.event(dm());
    await h.settle();
    expect(h.fake.callsTo('chat.postMessage').at(-1)?.status).toBe(200);
  });

  it('ignores its own messages and other bots', async () => {
    h = await startHarness(mode);
    const base = { type: 'message', channel_type: 'channel', channel: WATCHED, text: ERROR };
    await h.send.event(eventCallback({ ...base, ts: nextTs(), user: h.fake.botUserId }));
    await h.send.event(eventCallback({ ...base, ts: nextTs(), user: 'UOTHERBOT', bot_id: 'BOTHER0001' }));
    await h.send.event(eventCallback({ ...base, ts: nextTs(), subtype: 'bot_message', bot_id: 'BOTHER0002' }));
    await h.send.event(
      eventCallback({ ...base, type: 'app_mention', ts: nextTs(), user: 'UOTHERBOT', bot_id: 'BOTHER0001' }),
    );
    await h.send.event(
      eventCallback({ ...base, channel_type: 'im', channel: 'DDM0000001', ts: nextTs(), user: h.fake.botUserId }),
    );
    await h.settle();
    expect(h.fake.calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
  });

  it('rate limits one user: answers the burst, says so once, then stays quiet; others are still answered', async () => {
    h = await startHarness(mode, { userRateLimit: { burst: 2, perMinute: 0.001 } });
    for (let i = 0; i < 4; i++) await h.send.event(dm());
    await h.settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    const notices = h.fake.callsTo('chat.postEphemeral');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).toMatchObject({ user: USER, text: RATE_LIMITED_NOTICE });
    await h.send.event(dm(ERROR, 'UOTHER0001'));
    await h.settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(3);
  });
});

describe('Socket Mode connection', () => {
  it('reconnects after the WebSocket drops, and answers on the new connection', async () => {
    h = await startHarness('socket');
    h.fake.socket.drop();
    // Bolt waits its client ping timeout (5 s) before reconnecting; connections() allows for that.
    await h.fake.socket.connections(2);
    expect(h.fake.callsTo('apps.connections.open')).toHaveLength(2);
    await h.send.event(dm());
    await h.settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
