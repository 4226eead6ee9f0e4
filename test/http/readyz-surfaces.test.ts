// /readyz folds in the other surfaces of the process (`npm start` hands its bots in): a bot whose sockets are
// down, or that does not answer the probe, makes the answer 503 not_ready with its detail.
import { afterEach, describe, expect, it } from 'vitest';
import type { SurfaceHandle } from '../../src/index.js';
import { startTestServer, type TestServer } from './server-harness.js';

describe('/readyz with bots in the process', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('is ready only while every surface says so, and shows each one', async () => {
    let discordReady = true;
    const discord: SurfaceHandle = {
      name: 'discord',
      stop: async () => {},
      readiness: async () => ({ ready: discordReady, detail: { mode: 'sharded', totalShards: 2 } }),
    };
    const plain: SurfaceHandle = { name: 'slack', stop: async () => {} }; // no probe: not reported
    server = await startTestServer({}, { surfaces: () => [discord, plain] });
    let res = await server.get('/readyz');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { surfaces: unknown }).surfaces).toEqual({
      discord: { ready: true, mode: 'sharded', totalShards: 2 },
    });
    discordReady = false;
    res = await server.get('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'not_ready', surfaces: { discord: { ready: false } } });
  });

  it('a probe that throws counts as not ready, with its message', async () => {
    const broken: SurfaceHandle = {
      name: 'discord',
      stop: async () => {},
      readiness: async () => {
        throw new Error('shard manager gone');
      },
    };
    server = await startTestServer({}, { surfaces: () => [broken] });
    const res = await server.get('/readyz');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { surfaces: { discord: unknown } }).surfaces.discord).toEqual({
      ready: false,
      error: 'shard manager gone',
    });
  });

  it('without bots the answer has no surfaces field (unchanged for the API alone)', async () => {
    server = await startTestServer();
    const res = await server.get('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).not.toHaveProperty('surfaces');
  });
});
