// `npm start`: the HTTP API on the embedded default, plus each bot whose token is set. `.env` is read here; the
// configuration of every surface that will start is validated before any of them connects or listens, so a bad
// variable stops start-up with a message naming it, and a bot half configured (no token) is named in a warning.
// The bots start before the API listens: "HTTP API ready" comes last, once everything that should run does, and a
// bot that cannot start (token rejected, Discord unreachable) stops start-up before anything takes traffic.

import { loadDotEnv, readLogLevel } from './config/env.js';
import { parseStartConfig } from './config/index.js';
import type { SurfaceHandle } from './index.js';
import { createLog } from './log/logger.js';
import { importSurface } from './optional-packages.js';

/**
 * The process's own lines (warnings, shutdown, a failed start) in the same JSON as every surface's, on stderr:
 * stdout carries the surfaces' lines, and a failed start must reach whoever ran `npm start`.
 */
const log = (() => {
  const level = readLogLevel(process.env).level ?? 'info';
  try {
    return createLog({ surface: 'main', level, destination: process.stderr });
  } catch {
    // LOG_FORMAT itself is wrong: parseStartConfig reports it; meanwhile log JSON.
    return createLog({ surface: 'main', level, destination: process.stderr, format: 'json' });
  }
})();

const handles: SurfaceHandle[] = [];

let stopping = false;

/** SIGTERM/SIGINT, also in the middle of start-up: whatever has started is stopped, and the exit is clean. */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal, surfaces: handles.map((h) => h.name) }, 'shutting down');
  await Promise.allSettled(handles.map((h) => h.stop()));
  process.exit(0);
}

async function main(): Promise<void> {
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  loadDotEnv();
  const env = process.env;
  const config = parseStartConfig(env);
  for (const warning of config.warnings) log.warn(warning);
  const start = async (handle: Promise<SurfaceHandle>) => {
    const h = await handle;
    handles.push(h);
    // A signal arrived while this surface was starting: stop it too.
    if (stopping) await h.stop();
  };
  if (config.slack) {
    const { startSlack } = await importSurface('slack', () => import('./slack/start.js'));
    await start(startSlack(env, { config: config.slack }));
  }
  if (config.discord) {
    const { startDiscord } = await importSurface('discord', () => import('./discord/start.js'));
    await start(startDiscord(env, {}, config.discord));
  }
  const { startHttp } = await importSurface('http', () => import('./http/start.js'));
  // /readyz of the API also reports the bots started above (one probe for the whole process).
  await start(startHttp(env, config.http, { surfaces: () => handles }));
}

main().catch(async (err: Error & { code?: unknown; variables?: string[] }) => {
  if (stopping) return;
  // What did start is stopped, so nothing half-up keeps the port or the gateway connection.
  await Promise.allSettled(handles.map((h) => h.stop()));
  const code = typeof err.code === 'string' ? err.code : undefined;
  log.fatal({ code, variables: err.variables }, `start-up failed: ${err.message}`);
  // `npm start` exits 1 on any failed start (a contract since 0.1.0); the `code` field tells them apart.
  process.exit(1);
});
