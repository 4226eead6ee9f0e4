// `bailian-doctor verify` end to end against the fake Model Studio on 127.0.0.1: "works (HTTP 200 in N ms, model
// X)" and exit 0, a diagnosed failure and exit 1, usage errors and exit 2 — and the key in no output.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { configureRegexSafety } from '../../src/knowledge/regex-safety.js';
import { type FakeModelStudio, startFakeModelStudio } from '../fakes/model-studio/index.js';

configureRegexSafety({ recheck: false });

const STANDARD_KEY = `sk-${'6f5e4d3c'.repeat(4)}`;
const PLAN_KEY = `sk-sp-${'2b3c4d5e'.repeat(4)}`;
const tmp = mkdtempSync(join(tmpdir(), 'bd-verify-'));
let fake: FakeModelStudio;
beforeAll(async () => {
  fake = await startFakeModelStudio();
});
afterAll(async () => {
  await fake.stop();
  rmSync(tmp, { recursive: true, force: true });
});

async function run(args: string[], env: NodeJS.ProcessEnv = {}, dotEnv?: string) {
  let stdout = '';
  let stderr = '';
  const dotEnvPath = join(tmp, `${Math.random().toString(36).slice(2)}.env`);
  if (dotEnv !== undefined) writeFileSync(dotEnvPath, dotEnv);
  const status = await main(['verify', ...args], {
    env,
    dotEnvPath,
    stdin: Readable.from([]),
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    isTTY: false,
  });
  return { status, stdout, stderr, all: stdout + stderr };
}

describe('bailian-doctor verify', () => {
  it('works: HTTP 200 in N ms, model X; exit 0', async () => {
    const r = await run(['--base-url', `${fake.origin}/compatible-mode/v1`, '--model', 'qwen-plus', '--key-env', 'K'], {
      K: STANDARD_KEY,
    });
    expect(r.stdout).toMatch(/works \(HTTP 200 in \d+ ms, model qwen-plus\)/);
    expect(r.status).toBe(0);
    expect(r.all).not.toContain(STANDARD_KEY);
  });

  it('--env: Claude Code variables from .env, the Anthropic protocol', async () => {
    const dotEnv = `ANTHROPIC_BASE_URL=${fake.origin}/apps/anthropic\nANTHROPIC_AUTH_TOKEN=${STANDARD_KEY}\nANTHROPIC_MODEL=qwen3-coder-plus\n`;
    const before = fake.calls.length;
    const r = await run(['--env'], {}, dotEnv);
    expect(r.stdout).toMatch(/works \(HTTP 200 in \d+ ms, model qwen3-coder-plus\)/);
    expect(fake.calls.at(before)?.path).toBe('/apps/anthropic/v1/messages');
    expect(r.status).toBe(0);
    expect(r.all).not.toContain(STANDARD_KEY);
  });

  it('a refused key: the diagnosis, exit 1, the key never printed', async () => {
    const r = await run(['--base-url', `${fake.origin}/compatible-mode/v1`, '--key-env', 'K', '--model', 'qwen-plus'], {
      K: PLAN_KEY,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/failed: HTTP 401 in \d+ ms/);
    expect(r.stdout).toContain('Coding Plan key (sk-sp-) sent to a pay-as-you-go endpoint');
    expect(r.all).not.toContain(PLAN_KEY.slice(6));
  });

  it('--json: the result, the check findings and the diagnosis', async () => {
    fake.failNext('rate-limit');
    const r = await run(['--json', '--base-url', `${fake.origin}/api/v1`, '--key-env', 'K', '--model', 'qwen-plus'], {
      K: STANDARD_KEY,
    });
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ ok: false, status: 429, client: 'dashscope', config: { keyKind: 'standard' } });
    expect(json.diagnosis.diagnoses[0].id).toBe('rate_limit.rpm-exceeded');
    expect(Array.isArray(json.findings)).toBe(true);
    expect(r.all).not.toContain(STANDARD_KEY);
  });

  it('--timeout: a server that never answers fails fast', async () => {
    fake.failNext('hang');
    const r = await run(['--base-url', `${fake.origin}/compatible-mode/v1`, '--key-env', 'K', '--timeout', '300'], {
      K: STANDARD_KEY,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('failed: Request timed out after 300 ms');
  });

  it.each([
    [['--base-url', 'https://dashscope.aliyuncs.com/compatible-mode/v1'], {}, /needs the key/],
    [['--base-url', 'https://dashscope.aliyuncs.com/compatible-mode/v1', '--key-env', 'UNSET'], {}, /UNSET is not set/],
    [['--key-env', 'K', '--client', 'openai'], { K: 'x' }, /needs a base URL/],
    [['--base-url', 'https://gateway.example.com/v1', '--key-env', 'K'], { K: STANDARD_KEY }, /--any-host/],
    [
      ['--base-url', 'https://dashscope.aliyuncs.com/compatible-mode/v1', '--key-env', 'K', '--timeout', 'soon'],
      { K: STANDARD_KEY },
      /--timeout/,
    ],
  ])('usage %j → exit 2, nothing sent', async (args, env, message) => {
    const before = fake.calls.length;
    const r = await run(args, env);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fake.calls.length).toBe(before);
    expect(r.all).not.toContain(STANDARD_KEY);
  });
});
