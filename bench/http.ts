// HTTP figure for `npm run bench`: POST /v1/diagnose with a typical paste, beside GET /healthz on the same
// server as the framework's floor, so the ratio shows what diagnosis costs over Fastify itself — and beside a
// ceiling: the same POST, with the same body, parser, hooks and log line on the same server, answered with the
// same answer computed beforehand. No diagnosing route can be faster than that one, so its ratio to the floor is
// the most the diagnose ratio could ever reach on this machine; what lies between the two is ours to win.
// The load generator (autocannon, 10 connections for every figure alike) runs in a child process
// (bench/load-gen.ts): in this process, its parsing of each 6 KB answer took the server's only thread and capped
// the ratio near 0.2 for a server that did nothing but send a fixed 6 KB body. The three are measured in
// interleaved rounds, so a drift in the machine's speed weighs on all of them alike.
// Run alone: `npx tsc -p tsconfig.json && node dist/bench/http.js` (`--json`: the figures as one JSON line).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diagnose } from '../src/diagnose/diagnose.js';
import { loadRules } from '../src/engine/rule-set.js';
import { serializeResultBytes } from '../src/http/serializers.js';
import { buildServer } from '../src/http/server.js';
import { toJsonResult } from '../src/render/json.js';
import { runLoad as autocannon, type LoadFigures } from './load-gen.js';

export interface HttpFigures {
  /** POST /v1/diagnose, requests per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** GET /healthz on the same server: the framework's floor. */
  floorRps: number;
  floorP99Ms: number;
  /** The same POST answered with the answer computed beforehand: the most any diagnosis could reach. */
  ceilingRps: number;
  /**
   * The server's CPU time per request (user + system, µs) on each route, and the system part of it: steadier
   * than the rates on a loaded machine, and it shows time spent in the kernel (sends, and waking an idle client).
   */
  cpuUs: Record<Route, number>;
  sysUs: Record<Route, number>;
}

type Route = 'diag' | 'floor' | 'ceiling';

/** A typical paste: an SDK traceback ending in a Model Studio error body. */
export const TYPICAL_PASTE = `Traceback (most recent call last):
  File "/app/embed.py", line 42, in <module>
    vectors = client.embeddings.create(model="text-embedding-v3", input=docs)
  File "/usr/lib/python3.11/site-packages/openai/_base_client.py", line 1037, in request
    raise self._make_status_error_from_response(err.response) from None
openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided. ', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}, 'request_id': '6f1c2d7e-0b3a-9d4e-a1b2-c3d4e5f6a7b8'}
Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.`;

const ROUNDS = 3;
const SECONDS_EACH = 1.5;
/** Outside /v1 (which holds only real routes); registered by the bench on its own server only. */
const CEILING_ROUTE = '/bench/precomputed';
const BUNDLED = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'rules');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export async function measureHttp(): Promise<HttpFigures> {
  const rules = loadRules([BUNDLED]);
  // As the route sends it: UTF-8 bytes (a string would be measured and encoded again on every send).
  const answer = serializeResultBytes(toJsonResult(await diagnose(TYPICAL_PASTE, { rules })));
  // Logs go nowhere but are still produced: a real server logs every request.
  const app = await buildServer({ rules, config: { rateLimitPerMinute: 0 }, logStream: { write: () => true } });
  app.post(CEILING_ROUTE, async (_request, reply) => reply.type('application/json; charset=utf-8').send(answer));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const post = (path: string) => ({
      url: `${url}${path}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: TYPICAL_PASTE }),
      connections: 10,
    });
    const runs = {
      diag: post('/v1/diagnose'),
      floor: { url: `${url}/healthz`, connections: 10 },
      ceiling: post(CEILING_ROUTE),
    };
    // Warm the JIT and the rule engine so the first round does not weigh on the figures.
    await autocannon({ ...runs.diag, duration: 1 });
    await autocannon({ ...runs.ceiling, duration: 0.5 });
    const seen: Record<Route, LoadFigures[]> = { diag: [], floor: [], ceiling: [] };
    // CPU of this process only: the load generator is a child of its own.
    const cpu: Record<Route, { user: number; system: number; requests: number }> = {
      diag: { user: 0, system: 0, requests: 0 },
      floor: { user: 0, system: 0, requests: 0 },
      ceiling: { user: 0, system: 0, requests: 0 },
    };
    for (let round = 0; round < ROUNDS; round++)
      for (const name of Object.keys(runs) as Route[]) {
        const before = process.cpuUsage();
        const figures = await autocannon({ ...runs[name], duration: SECONDS_EACH });
        const used = process.cpuUsage(before);
        seen[name].push(figures);
        cpu[name].user += used.user;
        cpu[name].system += used.system;
        cpu[name].requests += figures.requests.total;
      }
    for (const name of ['diag', 'ceiling'] as const) {
      const bad = seen[name].find((r) => r.non2xx || r.errors);
      if (bad) throw new Error(`${name} answered ${bad.non2xx} non-2xx, ${bad.errors} errors`);
    }
    const rps = (name: Route) => Math.round(mean(seen[name].map((r) => r.requests.average)));
    const perRequest = (pick: (c: (typeof cpu)[Route]) => number) =>
      Object.fromEntries(
        (Object.keys(cpu) as Route[]).map((name) => [
          name,
          Math.round((10 * pick(cpu[name])) / Math.max(1, cpu[name].requests)) / 10,
        ]),
      ) as Record<Route, number>;
    return {
      rps: rps('diag'),
      p50Ms: median(seen.diag.map((r) => r.latency.p50)),
      p99Ms: median(seen.diag.map((r) => r.latency.p99)),
      floorRps: rps('floor'),
      floorP99Ms: median(seen.floor.map((r) => r.latency.p99)),
      ceilingRps: rps('ceiling'),
      cpuUs: perRequest((c) => c.user + c.system),
      sysUs: perRequest((c) => c.system),
    };
  } finally {
    await app.close();
  }
}

/**
 * The figures as time per request on the server's one thread: what a 0.5 ratio would leave a diagnosis
 * (twice the floor's time, less the ceiling's: everything the route does besides diagnosing), and what the
 * diagnose route spends beyond the ceiling now. When the budget is near zero or negative, no diagnosis however
 * fast could meet the target on this machine; the figure makes that visible in every run.
 */
export function httpBudget(f: HttpFigures): { budgetUs: number; overCeilingUs: number } {
  const us = (rps: number) => 1e6 / Math.max(1, rps);
  return {
    budgetUs: Math.round(2 * us(f.floorRps) - us(f.ceilingRps)),
    overCeilingUs: Math.round(us(f.rps) - us(f.ceilingRps)),
  };
}

export function formatHttpFigures(f: HttpFigures): string {
  const share = (rps: number) => ((100 * rps) / Math.max(1, f.floorRps)).toFixed(1);
  return [
    `HTTP POST /v1/diagnose: ${f.rps} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms`,
    `HTTP GET /healthz (floor): ${f.floorRps} req/s, p99 ${f.floorP99Ms} ms — diagnosis runs at ${share(f.rps)}% of the framework floor`,
    `HTTP POST, precomputed answer (ceiling): ${f.ceilingRps} req/s — ${share(f.ceilingRps)}% of the floor`,
    formatBudget(f),
  ].join('\n');
}

/** One line: the diagnosis time per request beyond the ceiling, beside what half the floor would allow. */
export function formatBudget(f: HttpFigures): string {
  const { budgetUs, overCeilingUs } = httpBudget(f);
  const cpu = (r: Route) => `${r} ${f.cpuUs[r]} (system ${f.sysUs[r]})`;
  return (
    `HTTP per request: diagnosis adds ${overCeilingUs} µs to the ceiling; half the floor would leave it ${budgetUs} µs; ` +
    `server CPU µs per request: ${cpu('floor')}, ${cpu('ceiling')}, ${cpu('diag')}`
  );
}

/**
 * measureHttp() in a fresh process, as a server runs: only the shipped rules loaded. In the bench's own process,
 * after the 200- and 1,000-rule sets, the same server answered about a tenth fewer requests per second.
 */
export function measureHttpInChild(): HttpFigures {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--json'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the HTTP bench exited ${child.status}: ${child.stderr.trim()}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as HttpFigures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await measureHttp();
  process.stdout.write(`${process.argv.includes('--json') ? JSON.stringify(figures) : formatHttpFigures(figures)}\n`);
}
