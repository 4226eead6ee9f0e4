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

  /** What a replica that is then killed did in Slack: a call made with the bot token, straight to the fake. */
  async function asDeadReplica(method: string, fields: Record<string, unknown>): Promise<string> {
    const form = new URLSearchParams(
      Object.entries(fields).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
    const res = await fetch(`${fake.apiUrl}${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.botToken}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    return ((await res.json()) as { ts: string }).ts;
  }

  /** The messages of `thread` a person sees: each with its last text (an update replaces, never adds). */
  function visibleReplies(thread: string): Array<{ ts: string; text: string; answer: boolean }> {
    const seen = new Map<string, { ts: string; text: string; answer: boolean }>();
    for (const c of fake.calls) {
      if (c.status !== 200) continue;
      if (c.method === 'chat.postMessage' && c.body.thread_ts === thread) {
        const ts = String(c.response?.ts);
        seen.set(ts, { ts, text: String(c.body.text), answer: Array.isArray(c.body.blocks) });
      }
      if (c.method === 'chat.update' && seen.has(String(c.body.ts)))
        seen.set(String(c.body.ts), {
          ts: String(c.body.ts),
          text: String(c.body.text),
          answer: Array.isArray(c.body.blocks),
        });
    }
    return [...seen.values()];
  }

  /**
   * Two replicas on a ledger with a clock, and a mention whose delivery a replica claimed and then died holding;
   * `takeOver()` is Slack's retry after the lease, reaching the second replica, resolved once it answered.
   */
  async function deadHolder() {
    let t = 1_000_000;
    const ledger = shared(() => t);
    const [a, b] = await start(ledger);
    const event = mention();
    const body = eventCallback(event);
    const key = `event:${body.event_id}`;
    await ledger.claim(key, 'dead-replica', DELIVERY_LEASE_MS);
    const postStatus = () =>
      asDeadReplica('chat.postMessage', { channel: event.channel, thread_ts: event.ts, text: 'Reading your error…' });
    const takeOver = async () => {
      t += DELIVERY_LEASE_MS + 1;
      expect(await b!.event(body, { retryNum: 1 })).toBe(200);
      await replicas[1]!.handled(1);
    };
    return { ledger, a: a!, event, key, postStatus, takeOver };
  }

  it('a replica killed after posting its status: the taker updates that status, posts no second one', async () => {
    const { ledger, event, key, postStatus, takeOver } = await deadHolder();
    const status = await postStatus();
    await ledger.mark(key, JSON.stringify({ s: status, n: 0 }));
    await takeOver();
    const replies = visibleReplies(event.ts);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ ts: status, answer: true });
    expect(replies[0]!.text).toMatch(/InvalidApiKey/);
    expect(await ledger.claim(key, 'late', DELIVERY_LEASE_MS)).toBe('done');
  });

  it('a replica killed after its answer went out but before it was marked: the thread says so, nothing is posted again', async () => {
    const { a, event, postStatus, takeOver } = await deadHolder();
    // What a full answer looks like, from a healthy delivery first.
    expect(await a.event(eventCallback(mention()))).toBe(200);
    await replicas[0]!.handled(1);
    const answer = fake.callsTo('chat.update')[0]!.body;
    const status = await postStatus();
    await asDeadReplica('chat.update', {
      channel: event.channel,
      ts: status,
      text: answer.text,
      blocks: answer.blocks,
    });
    const postsBefore = fake.callsTo('chat.postMessage').length;
    await takeOver();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(postsBefore);
    expect(fake.callsTo('conversations.replies')).toHaveLength(1);
    const replies = visibleReplies(event.ts);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ ts: status, answer: true });
  });

  it('a replica killed between posting its status and marking it: the taker finds that status in the thread', async () => {
    const { event, postStatus, takeOver } = await deadHolder();
    const status = await postStatus();
    await takeOver();
    const replies = visibleReplies(event.ts);
    expect(replies.map((r) => r.ts)).toEqual([status]);
    expect(replies[0]!.answer).toBe(true);
  });

  it('a taken-over delivery with no mark and no thread read left this minute is still answered', async () => {
    let t = 1_000_000;
    const ledger = shared(() => t);
    const [, b] = await start(ledger);
    const first = mention();
    const second = mention();
    for (const e of [first, second]) {
      const body = eventCallback(e);
      await ledger.claim(`event:${body.event_id}`, 'dead-replica', DELIVERY_LEASE_MS);
      t += DELIVERY_LEASE_MS + 1;
      expect(await b!.event(body, { retryNum: 1 })).toBe(200);
    }
    await replicas[1]!.handled(2);
    // One conversations.replies a minute: the second takeover answers from its (empty) mark alone.
    expect(fake.callsTo('conversations.replies')).toHaveLength(1);
    for (const e of [first, second]) expect(visibleReplies(e.ts).filter((r) => r.answer)).toHaveLength(1);
  });

  it("another bot's post in the thread is not taken for this bot's answer", async () => {
    const { event, takeOver } = await deadHolder();
    fake.setThread(event.channel, event.ts, [
      { type: 'message', ts: event.ts, user: USER, text: event.text },
      {
        type: 'message',
        ts: `${Number(event.ts) + 1}.000100`,
        user: 'UOTHERBOT1',
        bot_id: 'BOTHER0001',
        text: 'another bot',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'another bot' } }],
      },
    ]);
    await takeOver();
    expect(fake.callsTo('conversations.replies')).toHaveLength(1);
    const replies = visibleReplies(event.ts);
    expect(replies.filter((r) => r.answer)).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/InvalidApiKey/);
  });
});
