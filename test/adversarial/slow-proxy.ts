// A loopback HTTP proxy that forwards each request at once but holds the response back: the upstream has done
// the work (a message is posted) while the client is still waiting — the "slow response" fault.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowProxy {
  url: string;
  /** Where requests go (set once the upstream is known; requests wait for it). */
  setTarget(url: string): void;
  /** Milliseconds to hold the response of a request to `path`. */
  delay: (path: string) => number;
  held: number;
  close(): Promise<void>;
}

export async function startSlowProxy(): Promise<SlowProxy> {
  let target: URL | undefined;
  let ready: () => void = () => {};
  const known = new Promise<void>((r) => {
    ready = r;
  });
  const proxy: SlowProxy = {
    url: '',
    setTarget: (url) => {
      target = new URL(url);
      ready();
    },
    delay: () => 0,
    held: 0,
    close: () => new Promise((r) => server.close(() => r())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      await known;
      const upstream = request(
        { host: target?.hostname, port: target?.port, path: req.url, method: req.method, headers: req.headers },
        (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            const ms = proxy.delay(req.url ?? '');
            if (ms > 0) proxy.held++;
            setTimeout(() => {
              res.writeHead(up.statusCode ?? 502, up.headers);
              res.end(Buffer.concat(body));
            }, ms);
          });
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
