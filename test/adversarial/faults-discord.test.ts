// Fault injection on the fake Discord: a seeded campaign of REST 429s (Retry-After), 5xx runs (short and
// exhausting), gateway drops (resumable and abrupt), reconnect requests and malformed gateway dispatches.
// Every watched message is answered exactly once, or its failure is logged; the bot keeps answering after.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  bodyOf,
  CHANNEL_MESSAGES,
  type Harness,
  INVALID_KEY_RULE,
  MATCHED_TEXT,
  startHarness,
} from '../discord/harness.js';
import type { Fault } from '../fakes/discord/faults.js';

type Injection =
  | { kind: 'rest'; fault: Fault; count: number }
  | { kind: 'gateway-drop'; code: number }
  | { kind: 'reconnect' }
  | { kind: 'malformed'; t: string; d: unknown }
  | { kind: 'none' };

const CAMPAIGN: Injection[] = [
  { kind: 'rest', fault: { status: 429, retryAfter: 0.05 }, count: 1 },
  { kind: 'rest', fault: { status: 500 }, count: 1 },
  { kind: 'gateway-drop', code: 4000 },
  { kind: 'rest', fault: { status: 502 }, count: 3 },
  { kind: 'malformed', t: 'MESSAGE_CREATE', d: {} },
  { kind: 'rest', fault: { status: 429, retryAfter: 0.05, global: true }, count: 2 },
  { kind: 'rest', fault: { status: 503 }, count: 100 },
  { kind: 'gateway-drop', code: 1006 },
  { kind: 'malformed', t: 'MESSAGE_CREATE', d: { id: 'x', channel_id: null, content: 42, author: 'nobody' } },
  { kind: 'reconnect' },
  { kind: 'rest', fault: { status: 504 }, count: 2 },
  { kind: 'malformed', t: 'INTERACTION_CREATE', d: { type: 99, data: 'garbage' } },
  { kind: 'rest', fault: { status: 500 }, count: 100 },
  { kind: 'none' },
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

it('answers each watched message once or logs its failure, through every injected fault', async () => {
  const route = CHANNEL_MESSAGES(h.fake.ids.support);
  let survived = 0;
  const outcomes: string[] = [];
  for (const [n, injection] of CAMPAIGN.entries()) {
    h.fake.clearFaults();
    if (injection.kind === 'rest') h.fake.failNext(route, injection.count, injection.fault);
    if (injection.kind === 'gateway-drop') h.fake.gateway.drop(injection.code);
    if (injection.kind === 'reconnect') h.fake.gateway.requestReconnect();
    if (injection.kind === 'malformed') await h.fake.gateway.dispatch(injection.t, injection.d);
    const okBefore = h.fake.requestsTo(route).filter((r) => r.status === 200).length;
    const failedBefore = h.logs.filter((l) => l.includes('"message_failed"')).length;
    const m = await h.fake.postMessage({
      channelId: h.fake.ids.support,
      author: h.fake.user(`u${n}`),
      content: MATCHED_TEXT,
    });
    const outcome = await h.handled(m.id);
    const answers = h.fake
      .requestsTo(route)
      .filter((r) => r.status === 200)
      .slice(okBefore);
    const failureLogged = h.logs.filter((l) => l.includes('"message_failed"')).length > failedBefore;
    outcomes.push(`${injection.kind}: ${outcome}, ${answers.length} answer(s)`);
    if (outcome === 'answered') {
      expect(answers).toHaveLength(1);
      expect(JSON.stringify(bodyOf(answers[0]).embeds)).toContain(INVALID_KEY_RULE);
    } else {
      expect(outcome).toBe('failed');
      expect(answers).toHaveLength(0);
      expect(failureLogged).toBe(true);
    }
    if (injection.kind !== 'none') survived++;
  }
  const injected = CAMPAIGN.filter((i) => i.kind !== 'none').length;
  console.log(
    `discord faults injected: ${injected}, survived: ${survived} (each followed by a handled message)\n  ${outcomes.join('\n  ')}`,
  );
  // Exhausting runs (100 failures) are the only ones allowed to fail, and they must.
  expect(outcomes.filter((o) => o.includes('failed'))).toHaveLength(2);
}, 120_000);
