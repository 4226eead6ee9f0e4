// Replies through response_url are retried on a 5xx, a 429 or a dropped connection, and given up at once on an
// expired URL; either way the failure is logged and the app goes on.
import { afterEach, describe, expect, it } from 'vitest';
import { RESPOND_ATTEMPTS } from '../../src/slack/respond.js';
import { slashCommand } from '../fakes/slack/payloads.js';
import { type Harness, OTHER_CHANNEL, startHarness, USER } from './harness.js';

const ERROR =
  '{"status_code": 401, "request_id": "abc12345-1", "code": "InvalidApiKey", "message": "Invalid API-key provided."}';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('response_url replies', () => {
  it('retry a 500 and a dropped connection, then deliver the answer once', async () => {
    h = await startHarness('http');
    h.fake.failNext('response_url', 1, { status: 500 });
    h.fake.failNext('response_url', 1, { drop: true });
    await h.send.command(
      slashCommand({ text: ERROR, user: USER, channel: OTHER_CHANNEL, responseUrl: h.fake.responseUrl('r') }),
    );
    await h.fake.waitFor('response_url', 3);
    await h.settle();
    const calls = h.fake.callsTo('response_url');
    expect(calls.map((c) => c.status)).toEqual([500, 0, 200]);
    expect(h.logs.filter((l) => l.event === 'slack.respond_retry')).toHaveLength(2);
  });

  it('give up after a bounded number of attempts, logging the failure', async () => {
    h = await startHarness('http');
    h.fake.failNext('response_url', RESPOND_ATTEMPTS + 2, { status: 503 });
    await h.send.command(
      slashCommand({ text: ERROR, user: USER, channel: OTHER_CHANNEL, responseUrl: h.fake.responseUrl('r') }),
    );
    await h.fake.waitFor('response_url', RESPOND_ATTEMPTS);
    await h.settle();
    expect(h.fake.callsTo('response_url')).toHaveLength(RESPOND_ATTEMPTS);
    expect(h.logs.some((l) => l.event === 'slack.call_failed' && l.call === 'respond')).toBe(true);
  });

  it('do not retry an expired response_url (404)', async () => {
    h = await startHarness('http');
    h.fake.failNext('response_url', 1, { status: 404 });
    await h.send.command(
      slashCommand({ text: ERROR, user: USER, channel: OTHER_CHANNEL, responseUrl: h.fake.responseUrl('r') }),
    );
    await h.fake.waitFor('response_url', 1);
    await h.settle();
    expect(h.fake.callsTo('response_url')).toHaveLength(1);
  });
});
