// HTTP figure for `npm run bench`: POST /v1/diagnose with a typical paste, beside GET /healthz on the same
// server as the framework's floor, so the ratio shows what diagnosis costs over Fastify itself. The load
// generator (autocannon, 10 connections, for both figures alike) runs in a child process (bench/load-gen.ts): in
// this process, its parsing of each 6 KB answer took the server's only thread and capped the ratio near 0.2 for
// a server that did nothing but send a fixed 6 KB body. What is measured is the server's thread.
// Run alone: `npx tsc -p tsconfig.json && node dist/bench/http.js`.
import { pathToFileURL } from 'node:url';
import { buildServer } from '../src/http/server.js';
import { runLoad as autocannon } from './load-gen.js';

export interface HttpFigures {
  /** POST /v1/diagnose, requests per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** GET /healthz on the same server: the framework's floor. */
  floorRps: number;
  floorP99Ms: number;
}

/** A typical paste: an SDK traceback ending in a Model Studio error body. */
export const TYPICAL_PASTE = `Traceback (most recent call last):
  File "/app/embed.py", line 42, in <module>
    vectors = client.embeddings.create(model="text-embedding-v3", input=docs)
  File "/usr/lib/python3.11/site-packages/openai/_base_client.py", line 1037, in request
    raise self._make_status_error_from_response(err.response) from None
openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided. ', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}, 'request_id': '6f1c2d7e-0b3a-9d4e-a1b2-c3d4e5f6a7b8'}
Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.`;

const SECONDS_EACH = 4;

export async function measureHttp(): Promise<HttpFigures> {
  // Logs go nowhere but are still produced: a real server logs every request.
  const app = await buildServer({ config: { rateLimitPerMinute: 0 }, logStream: { write: () => true } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const body = JSON.stringify({ text: TYPICAL_PASTE });
    const diagnosePost = {
      url: `${url}/v1/diagnose`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections: 10,
    };
    // Warm the JIT and the rule engine so the first second does not weigh on the figure.
    await autocannon({ ...diagnosePost, duration: 1 });
    const diag = await autocannon({ ...diagnosePost, duration: SECONDS_EACH });
    const floor = await autocannon({ url: `${url}/healthz`, connections: 10, duration: SECONDS_EACH });
    if (diag.non2xx || diag.errors) throw new Error(`diagnose answered ${diag.non2xx} non-2xx, ${diag.errors} errors`);
    return {
      rps: Math.round(diag.requests.average),
      p50Ms: diag.latency.p50,
      p99Ms: diag.latency.p99,
      floorRps: Math.round(floor.requests.average),
      floorP99Ms: floor.latency.p99,
    };
  } finally {
    await app.close();
  }
}

export function formatHttpFigures(f: HttpFigures): string {
  return [
    `HTTP POST /v1/diagnose: ${f.rps} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms`,
    `HTTP GET /healthz (floor): ${f.floorRps} req/s, p99 ${f.floorP99Ms} ms — diagnosis runs at ${(
      (100 * f.rps) / Math.max(1, f.floorRps)
    ).toFixed(1)}% of the framework floor`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${formatHttpFigures(await measureHttp())}\n`);
}
