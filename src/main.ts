// `npm start`: the HTTP API on the embedded default, plus each bot whose token is set. `.env` is read here; the
// configuration of every surface that will start is validated before any of them listens, so a bad variable
// stops start-up with a message naming it.

import { loadDotEnv } from './config/env.js';
import { parseStartConfig } from './config/index.js';
import type { SurfaceHandle } from './index.js';
import { importSurface } from './optional-packages.js';

async function main(): Promise<void> {
  loadDotEnv();
  const env = process.env;
  const config = parseStartConfig(env);
  const handles: SurfaceHandle[] = [];
  const { startHttp } = await importSurface('http', () => import('./http/start.js'));
  // /readyz of the API also reports the bots started below (one probe for the whole process).
  handles.push(await startHttp(env, config.http, { surfaces: () => handles }));
  if (config.slack) {
    const { startSlack } = await importSurface('slack', () => import('./slack/start.js'));
    handles.push(await startSlack(env, { config: config.slack }));
  }
  if (config.discord) {
    const { startDiscord } = await importSurface('discord', () => import('./discord/start.js'));
    handles.push(await startDiscord(env, {}, config.discord));
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: shutting down ${handles.map((h) => h.name).join(', ')}\n`);
    await Promise.allSettled(handles.map((h) => h.stop()));
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: Error) => {
  process.stderr.write(`bailian-doctor: ${err.message}\n`);
  process.exit(1);
});
