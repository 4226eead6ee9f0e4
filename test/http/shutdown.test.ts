// app.close() drains: the request in flight finishes; one that arrives meanwhile gets 503 in the error shape.
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openInFlightRequest } from './in-flight-request.js';
import { INVALID_KEY_TEXT, startTestServer } from './server-harness.js';

describe('graceful close', () => {
  it('finishes the in-flight request and refuses the next one on the same connection with 503', async () => {
    const server = await startTestServer();
    const port = Number(new URL(server.base).port);
    const body = JSON.stringify({ text: INVALID_KEY_TEXT });
    const { socket, response } = await openInFlightRequest(port, body);
    const closed = server.close();
    // The body of the first request, then a second request pipelined behind it.
    socket.write(`${body}GET /v1/rules HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    // The server answers both, closes the connection after the 503, and only then finishes closing.
    await Promise.all([closed, once(socket, 'close')]);
    const answers = response()
      .split(/(?=HTTP\/1\.1 )/)
      .slice(1);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200/);
    expect(answers[0]).toContain('auth.invalid-api-key');
    expect(answers[1]).toMatch(/^HTTP\/1\.1 503/);
    expect(answers[1]).toContain('{"error":{"code":"SHUTTING_DOWN"');
  });
});
