// The simulation's load balancer: a small HTTP proxy on 127.0.0.1 with two pools (/slack/* to the Slack
// replicas, everything else to the API replicas), round-robin by default. Like a real balancer it tries the next
// replica when one refuses the connection (a killed replica), and says which replica answered
// (`x-sim-upstream`). The sender may ask for another replica than one it names (`x-sim-avoid`: Slack's retry landing
// elsewhere) or for a random one (`x-sim-pick: random`: button clicks routed randomly).
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Pools {
  api: string[];
  slack: string[];
}

export interface SimProxy {
  url: string;
  pools: Pools;
  close(): Promise<void>;
}

function forward(upstream: string, req: IncomingMessage, body: Buffer) {
  const target = new URL(req.url ?? '/', upstream);
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
    const out = request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

export async function startProxy(pools: Pools): Promise<SimProxy> {
  const next = { api: 0, slack: 0 };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const pool = req.url?.startsWith('/slack/') ? 'slack' : 'api';
    const members = pools[pool];
    const avoid = req.headers['x-sim-avoid'];
    const start = req.headers['x-sim-pick'] === 'random' ? Math.floor(Math.random() * members.length) : next[pool]++;
    let lastError = 'no replica';
    // The avoided replica goes last, not out: when the others are down it is still better than a 502.
    const order = members.map((_, i) => members[(start + i) % members.length]!);
    order.sort((a, b) => Number(a === avoid) - Number(b === avoid));
    for (const upstream of order) {
      try {
        const r = await forward(upstream, req, body);
        res.writeHead(r.status, { ...r.headers, 'x-sim-upstream': upstream });
        res.end(r.body);
        return;
      } catch (err) {
        // Refused (killed replica) or reset mid-request: a reset request may have been half-handled — that is the
        // sender's to retry, exactly like Slack's retry after a dropped connection.
        lastError = (err as Error).message;
        if ((err as NodeJS.ErrnoException).code !== 'ECONNREFUSED') break;
      }
    }
    res.writeHead(502, { 'content-type': 'text/plain' }).end(`proxy: ${lastError}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pools,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
