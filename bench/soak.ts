// `npm run bench:soak [-- --seconds N --rate R --connections C]`: the HTTP API at a sustained request rate for a
// fixed, bounded time on loopback. The server runs in a child process (so the load generator's memory is not
// counted); its RSS is sampled every second. Reports requests, errors (must be 0), p99 latency and RSS at start
// and end. Exits 1 when any request failed. Defaults: 30 s at 200 requests/s over 10 connections.
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../src/http/server.js';
import { BENCH_INPUTS } from './inputs.js';

interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types; this is the one call we make.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const MB = 2 ** 20;

type ToChild = { type: 'rss' };
type FromChild = { type: 'ready'; port: number } | { type: 'rss'; rss: number; heapUsed: number };

/** Child side: serve the API on an ephemeral loopback port, logging to nowhere, answering RSS probes. */
async function serve(): Promise<void> {
  const app = await buildServer({
    // No rate limit: the soak is the only client. Logs are discarded (their cost is still paid).
    config: { rateLimitPerMinute: 0, logLevel: 'info' },
    logStream: { write: () => {} },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a TCP port');
  process.on('message', (m: ToChild) => {
    if (m.type !== 'rss') return;
    // Collect first so the figure is live memory, not garbage not yet collected.
    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    if (process.connected) process.send?.({ type: 'rss', rss: mem.rss, heapUsed: mem.heapUsed } satisfies FromChild);
  });
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
  process.send?.({ type: 'ready', port: address.port } satisfies FromChild);
}

function next<T extends FromChild['type']>(child: ChildProcess, type: T): Promise<Extract<FromChild, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromChild) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m as Extract<FromChild, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`server process exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function rss(child: ChildProcess): Promise<{ rss: number; heapUsed: number }> {
  const reply = next(child, 'rss');
  child.send({ type: 'rss' } satisfies ToChild);
  return reply;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

async function soak(): Promise<number> {
  const seconds = arg('seconds', 30);
  const rate = arg('rate', 200);
  const connections = arg('connections', 10);
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--expose-gc'], stdio: 'inherit' });
  try {
    const { port } = await next(child, 'ready');
    const url = `http://127.0.0.1:${port}/v1/diagnose`;
    const requests = BENCH_INPUTS.map((input) => ({
      method: 'POST',
      path: '/v1/diagnose',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: input.text }),
    }));
    // Warm-up (JIT, rule caches), then the start figure.
    await autocannon({ url, connections, amount: 500, requests });
    const start = await rss(child);
    const samples: number[] = [start.rss];
    let probe: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      probe = rss(child).then(
        (m) => samples.push(m.rss),
        () => {},
      );
    }, 1000);
    const result = await autocannon({ url, connections, overallRate: rate, duration: seconds, requests, timeout: 10 });
    clearInterval(timer);
    await probe;
    const end = await rss(child);
    const failed = result.errors + result.timeouts + result.non2xx;
    const figures = {
      seconds,
      targetRate: rate,
      requests: result.requests.total,
      errors: failed,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
      rssStartMb: +(start.rss / MB).toFixed(1),
      rssEndMb: +(end.rss / MB).toFixed(1),
      rssMaxMb: +(Math.max(...samples, end.rss) / MB).toFixed(1),
      rssGrowthMb: +((end.rss - start.rss) / MB).toFixed(1),
      heapStartMb: +(start.heapUsed / MB).toFixed(1),
      heapEndMb: +(end.heapUsed / MB).toFixed(1),
      loadAverage: +(loadavg()[0] ?? 0).toFixed(2),
    };
    console.log(
      [
        `soak: ${seconds} s at ${rate} req/s over ${connections} connections (POST /v1/diagnose, ${BENCH_INPUTS.length} pastes)`,
        `  requests ${figures.requests}, errors ${figures.errors} (non-2xx ${result.non2xx}, socket errors ${result.errors}, timeouts ${result.timeouts})`,
        `  latency p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms`,
        `  RSS start ${figures.rssStartMb} MB, end ${figures.rssEndMb} MB (growth ${figures.rssGrowthMb} MB, max ${figures.rssMaxMb} MB); heap ${figures.heapStartMb} -> ${figures.heapEndMb} MB`,
        `  load average ${figures.loadAverage}`,
      ].join('\n'),
    );
    if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
    return failed === 0 ? 0 : 1;
  } finally {
    child.disconnect();
  }
}

if (process.argv.includes('--serve')) await serve();
else process.exitCode = await soak();
