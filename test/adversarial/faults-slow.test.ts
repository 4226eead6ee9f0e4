// Slow responses: the Slack Web API answers chat.postMessage after a delay (the post itself is already done
// upstream). Within the client's timeout, every message is still answered exactly once and nothing is retried.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { eventCallback, nextTs } from '../fakes/slack/payloads.js';
import { type Harness, startHarness, WATCHED } from '../slack/harness.js';
import { type SlowProxy, startSlowProxy } from './slow-proxy.js';

const ERROR =
  '{"status_code": 401, "request_id": "abc12345-1", "code": "InvalidApiKey", "message": "Invalid API-key provided."}';
const DELAYS_MS = [300, 1200, 50, 2500, 800, 0];

let proxy: SlowProxy;
let h: Harness;
beforeAll(async () => {
  proxy = await startSlowProxy();
  // The harness starts the fake itself; learn its address as it starts, so the bot can talk through the proxy.
  const start = FakeSlack.start.bind(FakeSlack);
  const spy = vi.spyOn(FakeSlack, 'start').mockImplementation(async (opts) => {
    const fake = await start(opts);
    proxy.setTarget(fake.url);
    return fake;
  });
  h = await startHarness('socket', {}, { SLACK_API_URL: `${proxy.url}/api/` });
  spy.mockRestore();
});
afterAll(async () => {
  await h.stop();
  await proxy.close();
});

it('answers each message exactly once when the Web API is slow to answer', async () => {
  let next = 0;
  proxy.delay = (path) => (path.includes('chat.postMessage') ? (DELAYS_MS[next++ % DELAYS_MS.length] ?? 0) : 0);
  const sent = DELAYS_MS.map((_, i) =>
    eventCallback({
      type: 'app_mention',
      channel: WATCHED,
      user: `USLOW${i}`,
      ts: nextTs(),
      text: `<@${h.fake.botUserId}> ${ERROR}`,
    }),
  );
  // All at once: slow answers overlap, as they would in a busy workspace.
  await Promise.all(sent.map((e) => h.send.event(e)));
  await h.settle();
  const posts = h.fake.callsTo('chat.postMessage');
  // Each answer is threaded under the message it answers: one per sent message, none twice.
  const threads = posts.map((p) => String(p.body.thread_ts)).sort();
  console.log(
    `slow responses: ${proxy.held} held (up to ${Math.max(...DELAYS_MS)} ms), ${posts.length} posts for ${sent.length} messages`,
  );
  expect(proxy.held).toBeGreaterThanOrEqual(DELAYS_MS.filter((d) => d > 0).length);
  expect(posts).toHaveLength(sent.length);
  expect(posts.every((p) => p.status === 200)).toBe(true);
  expect(threads).toEqual(sent.map((e) => String((e.event as { ts: string }).ts)).sort());
}, 60_000);
