// Every test process may only talk to loopback: Slack, Discord and DashScope are never reachable from CI,
// and a test that tried would hang or, worse, leak. Any other address fails the connect at once.
import net from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);
const originalConnect = net.Socket.prototype.connect;

function hostOf(args: unknown[]): string | undefined {
  const first = args[0];
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    const opts = first as { host?: string; path?: string };
    if (opts.path) return undefined; // unix socket / pipe
    return opts.host ?? 'localhost';
  }
  if (typeof first === 'number') return typeof args[1] === 'string' ? args[1] : 'localhost';
  return undefined;
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = hostOf(args);
  if (host !== undefined && !LOOPBACK.has(host)) {
    throw new Error(`test tried to connect to ${host}; tests may only reach 127.0.0.1 / ::1`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
