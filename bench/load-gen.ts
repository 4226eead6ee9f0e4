// The HTTP bench's load generator, run in a child process (bench/http.ts spawns it): autocannon parsing a 6 KB
// answer on the server's own thread would measure the client, not the server. Child mode:
// `node load-gen.js '<autocannon options as JSON>'` prints autocannon's result figures as one JSON line.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface LoadFigures {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<LoadFigures>;

/** Run autocannon with `options` in a fresh child process; the caller's thread stays free to serve. */
export function runLoad(options: Record<string, unknown>): Promise<LoadFigures> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [self, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as LoadFigures);
      else reject(new Error(`load generator exited ${code}: ${err}`));
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // autocannon ships no types; this is the one call we make.
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const r = await autocannon(JSON.parse(process.argv[2] ?? '{}'));
  const figures: LoadFigures = {
    requests: { average: r.requests.average, total: r.requests.total },
    latency: { p50: r.latency.p50, p99: r.latency.p99 },
    non2xx: r.non2xx,
    errors: r.errors,
  };
  process.stdout.write(JSON.stringify(figures));
}
