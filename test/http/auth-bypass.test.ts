// Regression for the auth and rate-limit bypass: every spelling of every /v1 route's target either resolves to
// that route — and then needs a token and counts against the limit — or resolves to no route at all. Before the
// fix, `POST /%76%31/diagnose`, `/v%31/…` and `http://x/v1/…` were answered 200 without a token, past the limit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { diagnose, type LearningLoop, openLearningLoop } from '../../src/index.js';
import { rawRequest, targetVariants } from './route-variants.js';
import { INVALID_KEY_TEXT, readJson, startTestServer, type TestServer } from './server-harness.js';

const token = `test-token-${'t'.repeat(24)}`;
/** One token per route for the rate-limit test, so each route starts with a full allowance. */
const perRoute = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].map((c) => `test-token-${c.repeat(24)}`);
/** One token per route for the spellings test, so its requests leave the others' allowances alone. */
const accepting = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((c) => `test-token-${c.repeat(24)}`);
/** Requests a minute per token. */
const LIMIT = 4;
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

interface Route {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** Every /v1 operation in the OpenAPI document, with a concrete path and a valid body. */
async function v1Routes(server: TestServer, seed: { answerId: string; clusterId: string }): Promise<Route[]> {
  const doc = await readJson(await server.get('/openapi.json'));
  const routes: Route[] = [];
  for (const [template, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    if (!template.startsWith('/v1/')) continue;
    const path = template.replace('{id}', template.startsWith('/v1/gaps/') ? seed.clusterId : 'auth.invalid-api-key');
    for (const method of Object.keys(ops)) {
      const body = path.endsWith('/batch')
        ? JSON.stringify({ items: [{ text: INVALID_KEY_TEXT }] })
        : path === '/v1/check'
          ? JSON.stringify({ baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', model: 'qwen-plus' })
          : path.endsWith('/feedback')
            ? JSON.stringify({ answerId: seed.answerId, verdict: 'fixed' })
            : method === 'post'
              ? JSON.stringify({ text: INVALID_KEY_TEXT })
              : undefined;
      routes.push({ method: method.toUpperCase() as Route['method'], path, body });
    }
  }
  return routes;
}

let server: TestServer;
let port: number;
let routes: Route[];
let dataDir: string;
let loop: LearningLoop;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bd-bypass-'));
  loop = await openLearningLoop({ DATA_DIR: dataDir }, { sweepTimer: false });
  // A kept answer (for /v1/feedback) and a gap (for /v1/gaps/{id}/draft), made without spending allowances.
  const answerId = await loop.record(await diagnose(INVALID_KEY_TEXT), { surface: 'http' });
  const miss = 'Mystery failure 1234 in the widget frobnicator';
  await loop.record(await diagnose(miss), { surface: 'http', text: miss });
  const clusterId = (await loop.gaps())[0]!.clusterId;
  server = await startTestServer(
    { apiTokens: [token, ...perRoute, ...accepting], rateLimitPerMinute: LIMIT },
    { learning: loop },
  );
  port = Number(new URL(server.base).port);
  routes = await v1Routes(server, { answerId, clusterId });
});
afterAll(async () => {
  await server.close();
  await loop.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('auth and rate limit act on the routed path', () => {
  it('finds every /v1 route to test', () => {
    expect(routes.map((r) => `${r.method} ${r.path.replace(/gaps\/[0-9a-f]+\//, 'gaps/{id}/')}`).sort()).toEqual([
      'GET /v1/gaps',
      'GET /v1/gaps/{id}/draft',
      'GET /v1/rules',
      'GET /v1/rules/auth.invalid-api-key',
      'GET /v1/stats',
      'POST /v1/check',
      'POST /v1/diagnose',
      'POST /v1/diagnose/batch',
      'POST /v1/feedback',
    ]);
  });

  it('accepts the token on the spellings that reach a route', async () => {
    for (const [i, route] of routes.entries()) {
      const res = await rawRequest(port, route.method, `/%76%31${route.path.slice(3)}`, {
        body: route.body,
        headers: bearer(accepting[i]!),
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(200);
    }
  });

  it('answers every spelling of every /v1 route 401 without a token, or finds no route', async () => {
    const answered: string[] = [];
    for (const route of routes)
      for (const [name, target] of targetVariants(route.path)) {
        const res = await rawRequest(port, route.method, target, { body: route.body });
        if (res.status !== 404) answered.push(name);
        expect([401, 404], `${route.method} ${target} (${name}) -> ${res.status} ${res.body}`).toContain(res.status);
      }
    // The encoded and absolute-form spellings do reach the routes: the 401s above are real refusals.
    expect(answered).toEqual(
      expect.arrayContaining(['as routed', '"v" and "1" percent-encoded', 'absolute-form target']),
    );
  });

  it('counts every spelling that reaches a route against the one allowance', async () => {
    for (const [i, route] of routes.entries()) {
      const statuses: Array<[string, number]> = [];
      for (const [name, target] of targetVariants(route.path)) {
        const res = await rawRequest(port, route.method, target, { body: route.body, headers: bearer(perRoute[i]!) });
        if (res.status !== 404) statuses.push([name, res.status]);
      }
      const where = `${route.method} ${route.path}: ${JSON.stringify(statuses)}`;
      // The first LIMIT spellings are answered, every later one is limited.
      expect(
        statuses.slice(0, LIMIT).map(([, s]) => s),
        where,
      ).toEqual(Array(LIMIT).fill(200));
      expect(
        statuses.slice(LIMIT).every(([, s]) => s === 429),
        where,
      ).toBe(true);
      expect(statuses.length, where).toBeGreaterThan(LIMIT + 2);
    }
  });
});

describe('the /v1 scope', () => {
  it('refuses a /v1 route registered outside it, which would escape auth and the limit', async () => {
    const app = await buildServer({ rules: undefined, config: { apiTokens: [token], logLevel: 'silent' } });
    try {
      expect(() => app.get('/v1/extra', async () => ({}))).toThrow(/must be registered in the \/v1 scope/);
    } finally {
      await app.close();
    }
  });
});
