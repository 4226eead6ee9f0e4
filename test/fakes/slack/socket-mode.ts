// The Socket Mode side of the fake: accepts the app's WebSocket, says hello, sends envelopes and collects
// acks, and can recycle (Slack's `disconnect` message) or drop connections for fault tests.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

const ACK_WAIT_MS = 5000;
const CLOSE_WAIT_MS = 2000;

export class FakeSocketMode {
  private readonly sockets = new Set<WebSocket>();
  private readonly events = new EventEmitter();
  /** Connections accepted so far, reconnections included. */
  accepted = 0;

  get open(): number {
    return this.sockets.size;
  }

  accept(ws: WebSocket): void {
    this.sockets.add(ws);
    this.accepted++;
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'AFAKE0001' } }));
    this.events.emit('accepted');
  }

  /** Resolve once `n` connections in total have been accepted. */
  connections(n: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.accepted < n) return;
        this.events.off('accepted', check);
        clearTimeout(timer);
        resolve();
      };
      // Bolt waits clientPingTimeout (5 s) before reconnecting, so allow for it.
      const timer = setTimeout(
        () => reject(new Error(`expected ${n} Socket Mode connections, got ${this.accepted}`)),
        15_000,
      );
      this.events.on('accepted', check);
      check();
    });
  }

  /** Send an envelope to the newest connection and resolve with the app's ack. */
  send(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    opts: { envelopeId?: string; retryAttempt?: number } = {},
  ) {
    const ws = [...this.sockets].at(-1);
    if (!ws) return Promise.reject(new Error('no Socket Mode connection'));
    const envelopeId = opts.envelopeId ?? randomUUID();
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for envelope ${envelopeId}`)), ACK_WAIT_MS);
      const onMessage = (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as Record<string, unknown>;
        if (msg.envelope_id !== envelopeId) return;
        ws.off('message', onMessage);
        clearTimeout(timer);
        resolve(msg);
      };
      ws.on('message', onMessage);
      ws.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: opts.retryAttempt ?? 0,
          retry_reason: opts.retryAttempt ? 'timeout' : '',
        }),
      );
    });
  }

  /** Ask every connection to reconnect, as Slack does when it recycles a server. */
  recycle(reason = 'refresh_requested'): void {
    for (const ws of this.sockets) ws.send(JSON.stringify({ type: 'disconnect', reason }));
  }

  /** Cut every connection without a close handshake, like a network drop. */
  drop(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  /** Wait (bounded) for the app to close its connections, then cut what is left. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.sockets].map(
        (ws) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => ws.terminate(), CLOSE_WAIT_MS);
            ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
  }
}
