// A POST /v1/diagnose held in flight: headers sent with `Expect: 100-continue`, the body not yet. The server says
// "100 Continue" once it has taken the request in, so a test knows the request is in flight before it shuts down.
import { once } from 'node:events';
import net from 'node:net';

export interface InFlightRequest {
  socket: net.Socket;
  /** Everything the server has sent so far. */
  response(): string;
}

export async function openInFlightRequest(port: number, body: string): Promise<InFlightRequest> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let response = '';
  socket.setEncoding('utf8').on('data', (d: string) => {
    response += d;
  });
  socket.write(
    'POST /v1/diagnose HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
  );
  for (let i = 0; i < 400 && !response.includes('100 Continue'); i++) await new Promise((r) => setTimeout(r, 10));
  if (!response.includes('100 Continue')) {
    socket.destroy();
    throw new Error('gave up waiting for 100 Continue');
  }
  return { socket, response: () => response };
}
