// startHttp(env): validate the environment, build the server over the shared rule store, listen, and hand
// back a handle whose stop() drains in-flight requests.

import { exposureWarning, parseHttpConfig } from '../config/http.js';
import { ListenError } from '../errors.js';
import {
  acquireSharedLearningLoop,
  autoReloadSharedRules,
  type LoopLog,
  type SurfaceHandle,
  sharedRuleStore,
} from '../index.js';
import { buildServer } from './server.js';

/** In-flight requests get this long to finish on shutdown before their connections are cut. */
const DRAIN_MS = 10_000;

export interface HttpHandle extends SurfaceHandle {
  /** The bound address, e.g. http://127.0.0.1:8080 (the real port when PORT=0). */
  url: string;
}

function listenError(err: NodeJS.ErrnoException, host: string, port: number): Error {
  if (err.code === 'EADDRINUSE')
    return new ListenError(
      `PORT ${port} is already in use on ${host}; stop the other process or set PORT to a free port`,
    );
  if (err.code === 'EACCES')
    return new ListenError(`PORT ${port} needs privileges on ${host}; use a port above 1023 (e.g. PORT=8080)`);
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
    return new ListenError(`HOST ${host} is not an address of this machine; use 127.0.0.1 or 0.0.0.0`);
  return err;
}

/** `config` is parsed from `env` unless `npm start` already validated it with the other surfaces'. */
export async function startHttp(
  env: NodeJS.ProcessEnv,
  config = parseHttpConfig(env),
  options: { surfaces?: () => readonly SurfaceHandle[] } = {},
): Promise<HttpHandle> {
  const store = sharedRuleStore(env);
  const releaseReload = autoReloadSharedRules(env);
  let app: Awaited<ReturnType<typeof buildServer>>;
  let releaseLoop: (() => Promise<void>) | undefined;
  try {
    // The loop logs storage failures and sweeps into the server's log once it exists (stderr before that).
    let log: LoopLog | undefined;
    const shared = await acquireSharedLearningLoop(env, {
      log: {
        warn: (obj, msg) => (log ? log.warn(obj, msg) : process.stderr.write(`${JSON.stringify({ ...obj, msg })}\n`)),
        info: (obj, msg) => log?.info(obj, msg),
      },
    });
    releaseLoop = shared.release;
    app = await buildServer({
      config,
      rules: store,
      processMetrics: true,
      learning: shared.loop,
      surfaces: options.surfaces,
    });
    log = app.log;
    app.log.info({ storage: shared.loop.where }, 'storage ready');
    const warning = exposureWarning(config);
    if (warning) app.log.warn({ host: config.host }, warning);
    await app.listen({ host: config.host, port: config.port }).catch((err: NodeJS.ErrnoException) => {
      throw listenError(err, config.host, config.port);
    });
  } catch (err) {
    releaseReload();
    await releaseLoop?.();
    throw err;
  }
  const address = app.server.address();
  const url =
    address && typeof address === 'object'
      ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
      : `http://${config.host}:${config.port}`;
  app.log.info({ url, rules: store.status().rules, auth: config.apiTokens.length > 0 }, 'HTTP API ready');
  let stopped: Promise<void> | undefined;
  return {
    name: 'http',
    url,
    stop() {
      stopped ??= (async () => {
        releaseReload();
        const force = setTimeout(() => app.server.closeAllConnections(), DRAIN_MS);
        force.unref();
        await app.close();
        clearTimeout(force);
        await releaseLoop?.();
      })();
      return stopped;
    },
  };
}
