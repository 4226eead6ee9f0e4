// Two Slack HTTP replicas sharing one delivery ledger (as they share the database in production): a redelivered
// event is answered once whichever replica gets it, a retry that arrives while the other replica is still
// answering gets 500 (so Slack retries later) instead of a second answer, and a claim left by a replica that died
// mid-answer is taken over once its lease has run out.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryDeliveryLedger, DELIVERY_LEASE_MS, type DeliveryLedger } from '../../src/chat/delivery-ledger.js';
import { type SlackHandle, startSlack } from '../../src/slack/start.js';
import { HttpDelivery } from '../fakes/slack/deliver.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { eventCallback, nextTs } from '../fakes/slack/payloads.js';
import { TEST_RETRY, testRules, USER } from './harness.js';

const mention = () => ({
  type: 'app_mention',
  user: USER,
  text: 'InvalidApiKey: Invalid API-key provided.',
  channel: 'CREPL00001',
  ts: nextTs(),
});

describe('Slack replicas sharing a delivery ledger', () => {
  let fake: FakeSlack;
  const replicas: SlackHandle[] = [];
  afterEach(async () => {
    await Promise.all(replicas.splice(0).map((r) => r.stop()));
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let dataDir: string;
  async function start(ledger: DeliveryLedger, n = 2): Promise<HttpDelivery[]> {
    fake = await FakeSlack.start();
    // One embedded database for both, like replicas sharing one (removed after).
    dataDir = mkdtempSync(join(tmpdir(), 'bd-replicas-'));
    const secret = randomBytes(16).toString('hex');
    const out: HttpDelivery[] = [];
    for (let i = 0; i < n; i++) {
      const bot = await startSlack(
        {
          SLACK_BOT_TOKEN: fake.botToken,
          SLACK_SIGNING_SECRET: secret,
          SLACK_API_URL: fake.apiUrl,
          SLACK_HOST: '127.0.0.1',
          SLACK_PORT: '0',
          LOG_LEVEL: 'silent',
          DATA_DIR: dataDir,
        },
        { rules: testRules(), retryConfig: TEST_RETRY, deliveries: ledger },
      );
      replicas.push(bot);
      out.push(new HttpDelivery(`http://127.0.0.1:${bot.address!.port}/slack/events`, secret));
    }
    return out;
  }
  const shared = (now?: () => number): DeliveryLedger => ({ ...createMemoryDeliveryLedger(now), shared: true });

  it('a redelivery to the other replica is not answered twice', async () => {
    const [a, b] = await start(shared());
    const body = eventCallback(mention());
    expect(await a!.event(body)).toBe(200);
    expect(await b!.event(body, { retryNum: 1 })).toBe(200);
    await Promise.all(replicas.map((r) => r.handled(1)));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a retry while the first replica is still answering gets 500, and the later retry 200, one answer in all', async () => {
    const [a, b] = await start(shared());
    // The first replica's post is rate limited for a second: it is still answering when the retry arrives.
    fake.failNext('chat.postMessage', 1, { status: 429, retryAfter: 1 });
    const body = eventCallback(mention());
    const first = a!.event(body);
    await fake.waitFor('chat.postMessage', 1);
    expect(await b!.event(body, { retryNum: 1 })).toBe(500);
    expect(await first).toBe(200); // acknowledged only once answered
    expect(await b!.event(body, { retryNum: 2 })).toBe(200);
    const posts = fake.callsTo('chat.postMessage').filter((c) => c.status === 200);
    expect(posts).toHaveLength(1);
  });

  it('a claim whose replica died is taken over after the lease', async () => {
    let t = 1_000_000;
    const ledger = shared(() => t);
    const [, b] = await start(ledger);
    const body = eventCallback(mention());
    // The dead replica claimed the event and never acknowledged it.
    expect(await ledger.claim(`event:${body.event_id}`, 'dead-replica', DELIVERY_LEASE_MS)).toBe('claimed');
    expect(await b!.event(body, { retryNum: 1 })).toBe(500);
    t += DELIVERY_LEASE_MS + 1;
    expect(await b!.event(body, { retryNum: 2 })).toBe(200);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
