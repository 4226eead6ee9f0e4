// Starts buildServer() on 127.0.0.1:<ephemeral> and captures its log lines; every test stops what it starts.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { HttpConfig } from '../../src/config/http.js';
import { loadRules, type RuleSet } from '../../src/engine/rule-set.js';
import { buildServer, type ServerOptions } from '../../src/http/server.js';
import { defaultRuleDirs } from '../../src/knowledge/load.js';

export interface TestServer {
  app: FastifyInstance;
  base: string;
  logs: string[];
  /** Parsed log lines. */
  logRecords(): Record<string, unknown>[];
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(
  config: Partial<HttpConfig> = {},
  options: Omit<ServerOptions, 'config' | 'logStream'> = {},
): Promise<TestServer> {
  const logs: string[] = [];
  const app = await buildServer({
    rules: authRules(),
    ...options,
    // Rate limiting is tested on its own; elsewhere it would only make tests order-dependent.
    config: { rateLimitPerMinute: 0, logLevel: 'info', ...config },
    logStream: { write: (line: string) => logs.push(line) },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a TCP port');
  const base = `http://127.0.0.1:${address.port}`;
  return {
    app,
    base,
    logs,
    logRecords: () => logs.map((l) => JSON.parse(l) as Record<string, unknown>),
    post: (path, body, headers = {}) =>
      fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    get: (path, headers = {}) => fetch(base + path, { headers }),
    close: () => app.close(),
  };
}

/** A text the bundled rule auth.invalid-api-key diagnoses. */
export const INVALID_KEY_TEXT = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';

/** A fake key built at run time, so the repository never holds anything that looks like a real one. */
export const fakeKey = () => `sk-${'a'.repeat(32)}`;

let auth: RuleSet | undefined;

/**
 * The bundled auth rules only (copied to a temp folder, since a rule's id follows its path). Other
 * categories change while people work on them; these tests are about the server, not the knowledge base.
 */
export function authRules(): RuleSet {
  if (auth) return auth;
  const dir = mkdtempSync(join(tmpdir(), 'bd-http-rules-'));
  try {
    cpSync(join(defaultRuleDirs({})[0]!, 'auth'), join(dir, 'auth'), { recursive: true });
    auth = loadRules([dir]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return auth;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field by the assertions.
export type Json = any;

export const readJson = async (res: Response): Promise<Json> => res.json();
