// No output of the check or verify ever holds a key: every secret shape we redact, planted as the key a client
// reads, in the base URL or model of a check, in a POST /v1/check body, and echoed back by a hostile upstream to
// verify — none of it comes back on stdout, stderr, an HTTP answer or a log line.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { configureRegexSafety } from '../../src/knowledge/regex-safety.js';
import { type FakeModelStudio, startFakeModelStudio } from '../fakes/model-studio/index.js';
import { startTestServer, type TestServer } from '../http/server-harness.js';
import { secretValues } from './planted-secrets.js';

configureRegexSafety({ recheck: false });

const SECRETS = [...secretValues(11), ...secretValues(12)];
let fake: FakeModelStudio;
let server: TestServer;
beforeAll(async () => {
  fake = await startFakeModelStudio();
  server = await startTestServer();
});
afterAll(async () => {
  await fake.stop();
  await server.close();
});

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  let out = '';
  const write = (s: string) => {
    out += s;
  };
  await main(args, {
    env,
    dotEnvPath: '/nonexistent/.env',
    stdin: Readable.from([]),
    stdout: write,
    stderr: write,
    isTTY: false,
  });
  return out;
}

/** The parts of a secret long enough to identify it (its whole value, and the value without a known prefix). */
const fragments = (value: string) =>
  [value, value.replace(/^(?:sk-sp-|sk-|xox[a-z]-|Bearer )/, '')].filter((f) => f.length >= 12);

describe('check and verify never print, answer or log a key', () => {
  it('plants every shape', () => {
    expect(new Set(SECRETS.map((s) => s.kind)).size).toBeGreaterThanOrEqual(10);
  });

  it.each(SECRETS.map((s) => [s.kind, s.value] as const))(
    '%s as the key: check (text and --json)',
    async (_kind, value) => {
      const base = [
        '--base-url',
        'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
        '--key-env',
        'K',
        '--model',
        'qwen-plus',
      ];
      const out =
        (await cli(['check', ...base], { K: value })) + (await cli(['check', '--json', ...base], { K: value }));
      const envOut = await cli(['check', '--env', '--json'], {
        OPENAI_BASE_URL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
        OPENAI_API_KEY: value,
      });
      for (const f of fragments(value)) expect(out + envOut).not.toContain(f);
    },
  );

  it.each(SECRETS.map((s) => [s.kind, s.value] as const))(
    '%s in the base URL or model of a check',
    async (_kind, value) => {
      const out =
        (await cli(
          ['check', '--json', '--base-url', `https://dashscope.aliyuncs.com/compatible-mode/v1?key=${value}`],
          {},
        )) +
        (await cli(['check', '--base-url', `https://user:${value}@dashscope.aliyuncs.com/api/v1`], {})) +
        (await cli(['check', '--model', `qwen-plus ${value}`], {}));
      for (const f of fragments(value)) expect(out).not.toContain(f);
    },
  );

  it.each(SECRETS.map((s) => [s.kind, s.value] as const))(
    '%s as the key: verify, against an upstream that echoes it',
    async (_kind, value) => {
      fake.failNext('echo-key');
      const args = ['--base-url', `${fake.origin}/compatible-mode/v1`, '--key-env', 'K', '--model', 'qwen-plus'];
      const out = await cli(['verify', ...args], { K: value });
      expect(out).toContain('failed: HTTP 401');
      fake.failNext('echo-key');
      const json = await cli(['verify', '--json', ...args], { K: value });
      for (const f of fragments(value)) expect(out + json).not.toContain(f);
    },
  );

  it.each(SECRETS.map((s) => [s.kind, s.value] as const))('%s in a POST /v1/check body', async (_kind, value) => {
    const before = server.logs.length;
    const bodies = [
      { baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1', keyPrefix: value },
      { model: `qwen-plus ${value}` },
      { baseUrl: `https://dashscope.aliyuncs.com/compatible-mode/v1?k=${value}` },
      { apiKey: value },
    ];
    let seen = '';
    for (const body of bodies) {
      const res = await server.post('/v1/check', body);
      seen += `${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`;
    }
    await new Promise((r) => setImmediate(r));
    seen += server.logs.slice(before).join('');
    for (const f of fragments(value)) expect(seen).not.toContain(f);
  });
});
