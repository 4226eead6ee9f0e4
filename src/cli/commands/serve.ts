// `bailian-doctor serve [--port N] [--host H]` — the HTTP API in the foreground until SIGTERM/SIGINT.
// Flags override PORT/HOST; everything else comes from the environment and `.env`, like `npm start`.
import { startHttp } from '../../http/start.js';
import type { CliContext } from '../context.js';
import { exitStatusOf } from '../exit-codes.js';
import { parseFlags } from '../flags.js';
import { untilSignal } from '../until-signal.js';

export async function serveCommand(ctx: CliContext): Promise<number> {
  const { values } = parseFlags('serve', {
    args: ctx.args,
    options: { port: { type: 'string', short: 'p' }, host: { type: 'string' } },
  });
  const env = { ...ctx.env };
  // PORT/HOST validation names the variable; a flag is checked by the same rules under its own name.
  if (values.port !== undefined) env.PORT = values.port;
  if (values.host !== undefined) env.HOST = values.host;
  let handle: Awaited<ReturnType<typeof startHttp>>;
  try {
    handle = await startHttp(env);
  } catch (err) {
    const message = (err as Error).message
      .replace(/^PORT\b/, values.port !== undefined ? '--port' : 'PORT')
      .replace(/^HOST\b/, values.host !== undefined ? '--host' : 'HOST');
    ctx.stderr(`bailian-doctor serve: ${message}\n`);
    // Whatever stops the API from starting is reported, never thrown: a failure of its own is still a 2.
    return exitStatusOf(err) ?? 2;
  }
  ctx.stderr(`bailian-doctor: HTTP API on ${handle.url} (docs at ${handle.url}/docs); Ctrl-C stops it\n`);
  const signal = await untilSignal();

  ctx.stderr(`${signal}: finishing in-flight requests\n`);
  await handle.stop();
  return 0;
}
