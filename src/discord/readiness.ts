// Is the bot connected? One client holds one WebSocket per shard it runs; it is ready when every one of them is.
// The states are discord.js's own (Ready, Connecting, Resuming, Disconnected …), named for operators.
import { type Client, Status } from 'discord.js';
import type { SurfaceReadiness } from '../index.js';

export interface ShardState {
  id: number;
  /** discord.js's socket status, by name: Ready, Connecting, Reconnecting, Resuming, Disconnected, … */
  status: string;
  /** Last heartbeat round trip in ms (-1 before the first). */
  ping: number;
}

const STATUS_NAMES = new Map<number, string>(
  Object.entries(Status)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => [v as number, k]),
);

/** The sockets one client holds, e.g. shards [0] of 1, or [2, 3] of 4 in a sharded child. */
function shardStates(client: Client): ShardState[] {
  return [...client.ws.shards.values()].map((s) => ({
    id: s.id,
    status: STATUS_NAMES.get(s.status) ?? String(s.status),
    ping: s.ping,
  }));
}

export function clientReadiness(client: Client): SurfaceReadiness {
  const shards = shardStates(client);
  const ready = client.isReady() && shards.length > 0 && shards.every((s) => s.status === 'Ready');
  return { ready, detail: { mode: 'single', shards } };
}
