// The fake gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeat ACKs, RESUME -> RESUMED, dispatches.
// Several sockets at once are shards: each IDENTIFY names `shard: [id, count]` and gets the guilds of that shard
// (Discord's rule: (guild_id >> 22) % count), and a dispatch for a guild goes down its shard's socket.
import type { Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

export interface GatewayFrame {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

export interface GatewayOptions {
  heartbeatInterval: number;
  ready: (sessionId: string, shard: [number, number]) => unknown;
  guildCreates: (shard: [number, number]) => unknown[];
}

/** The shard that owns a guild, by Discord's rule. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

export class FakeGateway {
  /** Every frame the bot sent, in order (IDENTIFY, heartbeats, RESUME …). */
  readonly received: GatewayFrame[] = [];
  /** How many sockets the bot opened. */
  connections = 0;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  /** The newest identified socket of each shard id. */
  private readonly shardSockets = new Map<number, WebSocket>();
  private readonly shardOf = new WeakMap<WebSocket, [number, number]>();
  private seq = 0;
  private sessionId = 'fake-session-1';
  private live = false;
  private waiters: Array<() => void> = [];
  private frameWaiters = new Set<() => void>();
  /** Fault injection: when false, heartbeats go unanswered (the client then treats the link as dead). */
  ackHeartbeats = true;
  /** Fault injection: close the socket with this code instead of answering IDENTIFY (e.g. 4014 disallowed intents). */
  closeOnIdentify: number | undefined;

  constructor(
    server: Server,
    private readonly options: GatewayOptions,
  ) {
    this.wss = new WebSocketServer({ server, path: '/gateway' });
    this.wss.on('connection', (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    this.connections += 1;
    this.socket = ws;
    this.live = false;
    ws.on('message', (raw) => this.onFrame(ws, JSON.parse(String(raw)) as GatewayFrame));
    ws.on('close', () => {
      if (this.socket === ws) this.live = false;
    });
    this.send(ws, { op: 10, d: { heartbeat_interval: this.options.heartbeatInterval } });
  }

  private send(ws: WebSocket, frame: GatewayFrame): void {
    ws.send(JSON.stringify(frame));
  }

  private dispatchOn(ws: WebSocket, t: string, d: unknown): void {
    this.seq += 1;
    this.send(ws, { op: 0, t, s: this.seq, d });
  }

  private markLive(): void {
    this.live = true;
    for (const w of this.waiters.splice(0)) w();
  }

  private onFrame(ws: WebSocket, frame: GatewayFrame): void {
    this.received.push(frame);
    for (const w of this.frameWaiters) w();
    if (frame.op === 1) {
      if (this.ackHeartbeats) this.send(ws, { op: 11, d: null });
    } else if (frame.op === 2 && this.closeOnIdentify !== undefined) {
      ws.close(this.closeOnIdentify, 'fake gateway refused IDENTIFY');
    } else if (frame.op === 2) {
      this.sessionId = `fake-session-${this.received.length}`;
      this.seq = 0;
      const shard = ((frame.d as { shard?: [number, number] }).shard ?? [0, 1]) as [number, number];
      this.shardOf.set(ws, shard);
      this.shardSockets.set(shard[0], ws);
      this.socket = ws;
      this.dispatchOn(ws, 'READY', this.options.ready(this.sessionId, shard));
      for (const g of this.options.guildCreates(shard)) this.dispatchOn(ws, 'GUILD_CREATE', g);
      this.markLive();
    } else if (frame.op === 6) {
      this.dispatchOn(ws, 'RESUMED', {});
      this.markLive();
    }
  }

  /** Frames the bot sent with this opcode (2 IDENTIFY, 6 RESUME, 1 heartbeat). */
  sentOps(op: number): GatewayFrame[] {
    return this.received.filter((f) => f.op === op);
  }

  /** Resolves once the bot has sent `count` frames with opcode `op` (rejects after `timeoutMs`). */
  waitForOp(op: number, count = 1, timeoutMs = 15_000): Promise<GatewayFrame[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.sentOps(op);
        if (found.length < count) return;
        this.frameWaiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.frameWaiters.delete(check);
        reject(new Error(`fake gateway: waited for ${count} × op ${op}, got ${this.sentOps(op).length}`));
      }, timeoutMs);
      this.frameWaiters.add(check);
      check();
    });
  }

  /** Ask the bot to reconnect (op 7 RECONNECT), as Discord does before moving a session. */
  requestReconnect(): void {
    this.live = false;
    if (this.socket) this.send(this.socket, { op: 7, d: null });
  }

  /** Resolves once a session is identified or resumed and can take dispatches. */
  async whenLive(): Promise<void> {
    if (this.live) return;
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Shard ids with an identified socket, lowest first. */
  shardIds(): number[] {
    return [...this.shardSockets.keys()].sort((a, b) => a - b);
  }

  /**
   * Send a dispatch (MESSAGE_CREATE, INTERACTION_CREATE …) on the live session; with several shards connected, on
   * the socket of the shard that owns the payload's `guild_id`.
   */
  async dispatch(t: string, d: unknown): Promise<void> {
    await this.whenLive();
    const socket = this.socketFor(d);
    if (!socket) throw new Error('fake gateway: no bot connected');
    this.dispatchOn(socket, t, d);
  }

  private socketFor(d: unknown): WebSocket | undefined {
    const guildId = (d as { guild_id?: string } | null)?.guild_id;
    const count = this.socket ? this.shardOf.get(this.socket)?.[1] : undefined;
    if (!guildId || !count || count < 2) return this.socket;
    return this.shardSockets.get(shardOfGuild(guildId, count));
  }

  /** Drop the bot's socket the way a network fault does (resumable close code 4000 by default). */
  drop(code = 4000): void {
    this.live = false;
    if (code === 1006) this.socket?.terminate();
    else this.socket?.close(code, 'fake gateway dropped the connection');
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
