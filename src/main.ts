// `npm start`: the HTTP API on the embedded default, plus each bot whose token is set.
// Each surface exports `start…(env)` returning a handle with `stop()`; a bad variable stops start-up
// with a message naming it.
import { loadDotEnv } from './config/env.js';
import type { SurfaceHandle } from './index.js';

async function main(): Promise<void> {
  loadDotEnv();
  const env = process.env;
  const handles: SurfaceHandle[] = [];
  const { startHttp } = await import('./http/start.js');
  handles.push(await startHttp(env));
  if (env.SLACK_BOT_TOKEN) {
    const { startSlack } = await import('./slack/start.js');
    handles.push(await startSlack(env));
  }
  if (env.DISCORD_TOKEN) {
    const { startDiscord } = await import('./discord/start.js');
    handles.push(await startDiscord(env));
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
