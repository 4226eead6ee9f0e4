// The loopback simulation (issue 18): 3 HTTP API replicas + 2 Slack HTTP replicas + the fake Slack, behind a
// round-robin proxy on 127.0.0.1, sharing one PostgreSQL. Slack events go through the proxy (a share of them
// redelivered to the other replica, as Slack's retries may land anywhere), "Other possible causes" clicks are
// routed randomly, and one Slack replica is SIGKILLed mid-run. The sender behaves like Slack: a 5xx or a dropped
// connection is retried with back-off. Checked at the end: every event answered exactly once, every click
// answered. Then API throughput through the proxy with 1 vs 3 replicas, and the database's share of an event's
// latency. `npm run sim` runs the full size; test/scale/sim.test.ts a small slice.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SLACK_ACTIONS } from '../../src/render/slack/index.js';
import { openStorage } from '../../src/storage/storage.js';
import { HttpDelivery } from '../../test/fakes/slack/deliver.js';
import { FakeSlack } from '../../test/fakes/slack/fake-slack.js';
import { buttonClick, eventCallback, nextTs } from '../../test/fakes/slack/payloads.js';
import { startProxy } from './proxy.js';

/** The repository root, from bench/sim/ (tests) or dist/bench/sim/ (npm run sim). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}
const ROOT = repoRoot();
/** Replicas run compiled, like production. */
export const REPLICA = join(ROOT, 'dist', 'bench', 'sim', 'replica.js');
const FIXTURE_RULES = join(ROOT, 'test', 'slack', 'fixtures', 'rules');
const PG_BASE = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ERROR_TEXT = 'InvalidApiKey: Invalid API-key provided.';

export interface SimOptions {
  events: number;
  clicks: number;
  /** Share of events delivered a second time, to the other replica. */
  redeliver: number;
  /** SIGKILL one Slack replica when this share of the events has been sent (undefined: no kill). */
  killAt?: number;
  /** Seconds of API load per replica count (0 skips the throughput figures). */
  apiSeconds: number;
  concurrency: number;
  log?: (line: string) => void;
}

export interface SimReport {
  events: number;
  redelivered: number;
  deliveries: number;
  retries: number;
  answeredOnce: number;
  missing: number;
  duplicated: number;
  /** Answers a replica finished for a killed one: the same message updated again (by the taker, from its mark). */
  finishedAfterKill: number;
  /** Thread reads a taker made to find what the killed replica posted unmarked. */
  threadReads: number;
  clicks: number;
  clicksAnswered: number;
  killed: boolean;
  eventMs: { mean: number; p50: number; p99: number };
  dbMsPerEvent: number;
  dbShare: number;
  api?: { one: number; three: number; ratio: number; cores: number };
  wallSeconds: number;
}

interface Replica {
  child: ChildProcess;
  url: string;
}

async function spawnReplica(role: 'api' | 'slack', env: NodeJS.ProcessEnv): Promise<Replica> {
  const child = spawn(process.execPath, [REPLICA, role], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (l) => {
      if (l.startsWith('{"ready"')) resolve((JSON.parse(l) as { ready: number }).ready);
    });
    child.once('exit', (code) => reject(new Error(`${role} replica exited ${code}: ${stderr.join('')}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

/** Run `work` over `items` with at most `n` at once. */
async function pool<T>(items: T[], n: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < items.length) {
        const k = i++;
        await work(items[k]!, k);
      }
    }),
  );
}

export async function runSimulation(o: SimOptions): Promise<SimReport> {
  const log = o.log ?? (() => {});
  const started = Date.now();
  const schema = `bd_sim_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const dbUrl = new URL(PG_BASE);
  dbUrl.searchParams.set('options', `-c search_path=${schema}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'bd-sim-'));
  const fake = await FakeSlack.start();
  const secret = randomBytes(16).toString('hex');
  const replicas: Replica[] = [];
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DATABASE_URL: dbUrl.toString(),
    DATA_DIR: dataDir,
    RULES_DIR: FIXTURE_RULES,
    LOG_LEVEL: 'error',
    HOST: '127.0.0.1',
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '0',
  };
  const proxy = await startProxy({ api: [], slack: [] });
  try {
    const slackEnv = {
      ...base,
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: fake.apiUrl,
      SLACK_HOST: '127.0.0.1',
      SLACK_PORT: '0',
    };
    // One first, so migrations run once before the others start (they would queue on the lock anyway).
    const slack = [await spawnReplica('slack', slackEnv)];
    slack.push(await spawnReplica('slack', slackEnv));
    const api = await Promise.all([0, 1, 2].map(() => spawnReplica('api', base)));
    replicas.push(...slack, ...api);
    proxy.pools.slack.push(...slack.map((r) => r.url));
    proxy.pools.api.push(...api.map((r) => r.url));
    log(`replicas up: ${slack.length} Slack, ${api.length} API; proxy ${proxy.url}`);

    const sender = new HttpDelivery(`${proxy.url}/slack/events`, secret);
    let retries = 0;
    const latencies: number[] = [];
    /** Deliver like Slack: retry a 5xx or a dropped connection with back-off; resolves with the replica that took it. */
    const deliver = async (body: Record<string, unknown>, headers: Record<string, string> = {}, retryBase = 0) => {
      let lastFailure = '';
      for (let attempt = 0; attempt < 40; attempt++) {
        const t0 = performance.now();
        try {
          const res = await post(sender, JSON.stringify(body), { ...headers }, retryBase + attempt);
          if (res.status === 200) {
            if (attempt === 0 && retryBase === 0) latencies.push(performance.now() - t0);
            return res.upstream;
          }
          lastFailure = `HTTP ${res.status}`;
        } catch (err) {
          // dropped connection: the replica died holding it
          lastFailure = (err as Error).message;
        }
        retries++;
        await sleep(Math.min(1000, 100 * (attempt + 1)));
      }
      throw new Error(`event ${String(body.event_id)} was never acknowledged (last: ${lastFailure})`);
    };

    const events = Array.from({ length: o.events }, (_, i) => {
      const ts = nextTs();
      return eventCallback({ type: 'app_mention', user: `USIM${i}`, text: ERROR_TEXT, channel: 'CSIM000001', ts });
    });
    let redelivered = 0;
    let killed = false;
    const killIndex = o.killAt === undefined ? -1 : Math.floor(o.events * o.killAt);
    await pool(events, o.concurrency, async (body, i) => {
      if (i === killIndex) {
        slack[1]!.child.kill('SIGKILL');
        killed = true;
        log(`SIGKILL Slack replica ${slack[1]!.url} after ${i} events`);
      }
      const upstream = await deliver(body);
      if (Math.random() < o.redeliver) {
        redelivered++;
        await deliver(body, upstream ? { 'x-sim-avoid': upstream } : {}, 1);
      }
    });
    // Every event was acknowledged, and a replica acknowledges only once its answer is out. An answer is a message
    // with blocks in the event's thread: posted there, or the "Reading your error…" status updated into it.
    const answers = answerCalls(fake);
    const byThread = new Map<string, number>();
    for (const a of answers) byThread.set(a.thread, (byThread.get(a.thread) ?? 0) + 1);
    const counts = events.map((e) => byThread.get(String((e.event as { ts: string }).ts)) ?? 0);
    log(`events: ${o.events} sent, ${redelivered} redelivered, ${retries} retries`);

    // Button clicks on random answers, each to a random replica; answered through the fake's response_url.
    const answered = answers
      .map((a) => a.call)
      .filter((c) => JSON.stringify(c.body.blocks).includes(SLACK_ACTIONS.others));
    const clickNames: string[] = [];
    await pool(
      Array.from({ length: o.clicks }, (_, j) => j),
      o.concurrency,
      async (j) => {
        const msg = answered[Math.floor(Math.random() * answered.length)]!;
        const name = `click-${j}`;
        clickNames.push(name);
        const payload = buttonClick({
          blocks: msg.body.blocks as Array<Record<string, unknown>>,
          actionId: SLACK_ACTIONS.others,
          user: 'USIMCLICK',
          channel: 'CSIM000001',
          responseUrl: fake.responseUrl(name),
        });
        const form = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
        for (let attempt = 0; attempt < 10; attempt++) {
          const res = await post(
            sender,
            form,
            { 'x-sim-pick': 'random' },
            undefined,
            'application/x-www-form-urlencoded',
          ).catch(() => undefined);
          if (res?.status === 200) return;
          await sleep(100);
        }
      },
    );
    await sleep(300); // respond() calls land just after the acknowledgement
    const responses = fake.callsTo('response_url');
    const clicksAnswered = clickNames.filter((n) =>
      responses.some((r) => r.path === `/respond/${n}` && r.status === 200 && !r.raw.includes('expired')),
    ).length;
    log(`clicks: ${clicksAnswered}/${o.clicks} answered`);

    // The database's share: the statements one event costs (claim, mark the status, load and save the thread,
    // keep the answer, mark the answer sent, finish: 7), timed alone.
    const probe = await openStorage({ dataDir, databaseUrl: dbUrl.toString(), storePastes: true, retentionDays: 30 });
    const n = 100;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      await probe.deliveries.claim(`probe:${i}`, 'probe', 30_000);
      await probe.deliveries.mark(`probe:${i}`, '{"s":"1.1","n":0}');
      await probe.threads.load(`slack:T:C:probe.${i}`);
      await probe.threads.save({
        key: `slack:T:C:probe.${i}`,
        surface: 'slack',
        facts: {},
        answerIds: [`probe-${i}`],
        status: 'open',
        updatedAt: Date.now(),
      });
      await probe.answers.save(
        `probe-${i}`,
        { matched: false, facts: {}, diagnoses: [], secretsFound: false },
        { surface: 'slack' },
      );
      await probe.deliveries.mark(`probe:${i}`, '{"s":"1.1","n":1}');
      await probe.deliveries.finish(`probe:${i}`);
    }
    const dbMsPerEvent = (performance.now() - t0) / n;
    await probe.close();
    const mean = latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length);

    let apiFigures: SimReport['api'];
    if (o.apiSeconds > 0) {
      const all = [...proxy.pools.api];
      proxy.pools.api.splice(0, all.length, all[0]!);
      const one = await apiLoad(proxy.url, o.apiSeconds);
      proxy.pools.api.splice(0, 1, ...all);
      const three = await apiLoad(proxy.url, o.apiSeconds);
      apiFigures = { one, three, ratio: three / one, cores: cpus().length };
      log(`API: ${one.toFixed(0)} req/s with 1 replica, ${three.toFixed(0)} with 3 (${cpus().length} cores)`);
    }
    return {
      events: o.events,
      redelivered,
      deliveries: o.events + redelivered + retries,
      retries,
      answeredOnce: counts.filter((c) => c === 1).length,
      missing: counts.filter((c) => c === 0).length,
      duplicated: counts.filter((c) => c > 1).length,
      finishedAfterKill: repeatedUpdates(fake),
      threadReads: fake.callsTo('conversations.replies').length,
      clicks: o.clicks,
      clicksAnswered,
      killed,
      eventMs: { mean, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) },
      dbMsPerEvent,
      dbShare: mean > 0 ? dbMsPerEvent / mean : 0,
      api: apiFigures,
      wallSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    for (const r of replicas) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
    await Promise.all(
      replicas.map((r) =>
        r.child.exitCode !== null || r.child.signalCode !== null
          ? undefined
          : new Promise((res) => r.child.once('exit', res)),
      ),
    );
    await proxy.close();
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: PG_BASE });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  }
}

/**
 * Every answer message a person would see, with the thread it is in: a message with blocks posted in a thread, or a
 * status message updated into one. A message updated twice (a resumed delivery repeats the update) is one message.
 */
function answerCalls(fake: FakeSlack) {
  const threadOfTs = new Map<string, string>();
  for (const c of fake.callsTo('chat.postMessage')) {
    const ts = (c as { response?: { ts?: string } }).response?.ts;
    if (c.status === 200 && ts && c.body.thread_ts) threadOfTs.set(ts, String(c.body.thread_ts));
  }
  const byMessage = new Map<string, { thread: string; call: (typeof fake.calls)[number] }>();
  for (const c of fake.calls) {
    if (c.status !== 200 || !Array.isArray(c.body.blocks)) continue;
    const ts = c.method === 'chat.update' ? String(c.body.ts) : (c as { response?: { ts?: string } }).response?.ts;
    const thread = c.method === 'chat.update' ? threadOfTs.get(String(c.body.ts)) : (c.body.thread_ts as string);
    if ((c.method === 'chat.postMessage' || c.method === 'chat.update') && ts && thread)
      byMessage.set(ts, { thread: String(thread), call: c });
  }
  return [...byMessage.values()];
}

/** Messages updated into an answer more than once: a taker finishing a killed replica's answer in place. */
function repeatedUpdates(fake: FakeSlack): number {
  const updates = new Map<string, number>();
  for (const c of fake.callsTo('chat.update'))
    if (c.status === 200 && Array.isArray(c.body.blocks))
      updates.set(String(c.body.ts), (updates.get(String(c.body.ts)) ?? 0) + 1);
  return [...updates.values()].filter((n) => n > 1).length;
}

/** One signed POST through the proxy; resolves with the status and the replica that answered. */
async function post(
  sender: HttpDelivery,
  body: string,
  headers: Record<string, string>,
  retryNum?: number,
  contentType = 'application/json',
): Promise<{ status: number; upstream?: string }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const { createHmac } = await import('node:crypto');
  const sig = `v0=${createHmac('sha256', sender.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const res = await fetch(sender.url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sig,
      ...(retryNum ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
      ...headers,
    },
    body,
  });
  await res.arrayBuffer();
  return { status: res.status, upstream: res.headers.get('x-sim-upstream') ?? undefined };
}

/** Requests per second of POST /v1/diagnose through the proxy (autocannon, 16 connections). */
async function apiLoad(url: string, seconds: number): Promise<number> {
  const { createRequire } = await import('node:module');
  const autocannon = createRequire(import.meta.url)('autocannon') as (o: Record<string, unknown>) => Promise<{
    requests: { average: number };
    non2xx: number;
  }>;
  const r = await autocannon({
    url: `${url}/v1/diagnose`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: ERROR_TEXT }),
    connections: 16,
    duration: seconds,
  });
  return r.requests.average;
}
