// Starts the fake Slack and the real bot (real Bolt app) against it, in either connection mode, and counts
// deliveries so a test can wait for "all handled" instead of sleeping.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRules, type RuleSet } from '../../src/engine/rule-set.js';
import { type SlackHandle, type SlackOptions, startSlack } from '../../src/slack/start.js';
import { READING_STATUS } from '../../src/slack/thread.js';
import { type Delivery, HttpDelivery, SocketDelivery } from '../fakes/slack/deliver.js';
import { FakeSlack, type SlackCall } from '../fakes/slack/fake-slack.js';

export type Mode = 'http' | 'socket';
export const MODES: Mode[] = ['http', 'socket'];

/** Fast retries so fault tests take milliseconds; the product's own policy is SLACK_RETRY_POLICY. */
export const TEST_RETRY = { retries: 3, factor: 1, minTimeout: 20, maxTimeout: 50 };

/**
 * Two small rules that match InvalidApiKey (one ranked first, one second) and nothing else. The bot is tested
 * with them so answers are predictable and start-up does not wait for the whole, growing, bundled rule set;
 * one smoke test in ways-in.test.ts runs the bundled rules.
 */
let fixtureRules: RuleSet | undefined;
export function testRules(): RuleSet {
  fixtureRules ??= loadRules([fileURLToPath(new URL('./fixtures/rules', import.meta.url))]);
  return fixtureRules;
}

export const WATCHED = 'CWATCH0001';
export const OTHER_CHANNEL = 'COTHER0001';
export const USER = 'UUSER00001';

export interface Harness {
  fake: FakeSlack;
  bot: SlackHandle;
  send: Delivery;
  /** HTTP mode only: the raw signed POST, for forged or stale requests. */
  http?: HttpDelivery;
  signingSecret: string;
  logs: Array<Record<string, unknown>>;
  /** Wait until every delivery sent so far has been fully handled. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** Start the fake and the bot. `rules: 'bundled'` serves the real rule set from the shared store. */
export async function startHarness(
  mode: Mode,
  options: Omit<SlackOptions, 'rules'> & { rules?: RuleSet | 'bundled' } = {},
  env: NodeJS.ProcessEnv = {},
): Promise<Harness> {
  const fake = await FakeSlack.start();
  const signingSecret = randomBytes(16).toString('hex');
  const logs: Array<Record<string, unknown>> = [];
  // The bot keeps its answers in a database of this harness's own (a test may pass DATA_DIR to share one).
  const dataDir = mkdtempSync(join(tmpdir(), 'bd-slack-data-'));
  const baseEnv: NodeJS.ProcessEnv = {
    DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_API_URL: fake.apiUrl,
    SLACK_WATCH_CHANNELS: WATCHED,
    LOG_LEVEL: 'info',
    ...(mode === 'socket'
      ? { SLACK_APP_TOKEN: fake.appToken }
      : { SLACK_SIGNING_SECRET: signingSecret, SLACK_HOST: '127.0.0.1', SLACK_PORT: '0' }),
    ...env,
  };
  let bot: SlackHandle;
  try {
    const { rules, ...rest } = options;
    bot = await startSlack(baseEnv, {
      retryConfig: TEST_RETRY,
      logDestination: { write: (line: string) => void logs.push(JSON.parse(line)) },
      ...rest,
      rules: rules === 'bundled' ? undefined : (rules ?? testRules()),
    });
  } catch (err) {
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const http = bot.address
    ? new HttpDelivery(`http://127.0.0.1:${bot.address.port}/slack/events`, signingSecret)
    : undefined;
  const inner: Delivery = http ?? new SocketDelivery(fake);
  let sent = 0;
  const count = <T>(deliver: () => Promise<T>) => {
    sent++;
    return deliver();
  };
  const counted: Delivery = {
    event: (body, opts) => count(() => inner.event(body, opts)),
    command: (fields) => count(() => inner.command(fields)),
    interaction: (payload) => count(() => inner.interaction(payload)),
  };
  return {
    fake,
    bot,
    send: counted,
    http,
    signingSecret,
    logs,
    settle: () => bot.handled(sent),
    async stop() {
      await bot.stop();
      await fake.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every outbound body and URL the bot sent, as one string, for "never appears" checks. */
export function everythingSent(fake: FakeSlack): string {
  return fake.calls.map((c) => `${c.path}\n${c.raw}`).join('\n');
}

/**
 * The messages the bot put in channels, in order, as they finally read: each post, except a "Reading your
 * error…" status that an update then replaced — that one appears as the update's body, with the status post's
 * channel and thread.
 */
export function answerPosts(fake: FakeSlack): SlackCall[] {
  const statusByTs = new Map<string, SlackCall>();
  const out: SlackCall[] = [];
  for (const c of fake.calls) {
    if (c.method === 'chat.postMessage' && String(c.body.text ?? '').includes(READING_STATUS)) {
      if (c.response?.ts) statusByTs.set(String(c.response.ts), c);
    } else if (c.method === 'chat.postMessage') out.push(c);
    else if (c.method === 'chat.update') {
      const status = statusByTs.get(String(c.body.ts));
      out.push({ ...c, body: { thread_ts: status?.body.thread_ts, ...c.body } });
    }
  }
  return out;
}

/** The text of every block in a recorded message body, joined. */
export function blockText(body: Record<string, unknown>): string {
  const blocks = (body.blocks ?? []) as Array<Record<string, unknown>>;
  return blocks
    .map((b) => {
      const text = b.text as { text?: string } | undefined;
      const elements = (b.elements ?? []) as Array<{ text?: string | { text?: string } }>;
      return [
        text?.text ?? '',
        ...elements.map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? ''))),
      ].join('\n');
    })
    .join('\n');
}
