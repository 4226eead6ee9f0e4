// A client that never finishes its request is dropped at the request timeout (30 s in production), not at
// Node's 60 s header timeout plus its 30 s checking interval (60-90 s before the fix).
import { once } from 'node:events';
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server-harness.js';

const TIMEOUT_MS = 1000;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { requestTimeoutMs: TIMEOUT_MS });
});
afterAll(async () => {
  await server.close();
});

it.each([
  ['headers never finished', 'POST /v1/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n'],
  [
    'body never finished',
    'POST /v1/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"te',
  ],
])('drops a client whose %s within the timeout and a checking interval', async (_name, partial) => {
  const socket = net.connect(Number(new URL(server.base).port), '127.0.0.1');
  await once(socket, 'connect');
  const started = Date.now();
  socket.write(partial);
  socket.resume();
  await Promise.race([once(socket, 'close'), new Promise((r) => setTimeout(r, 10_000))]);
  const ms = Date.now() - started;
  socket.destroy();
  expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
  expect(ms).toBeLessThan(TIMEOUT_MS + 2500);
});
