// `bailian-doctor check`: flags, --env (the clients' variables and a .env in the current folder), the --json
// contract, exit statuses, and the key never printed — only its kind and length class.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CHECK_ENV_VARS } from '../../src/config/check.js';
import { configureRegexSafety } from '../../src/knowledge/regex-safety.js';
import { runCli } from './run-cli.js';

configureRegexSafety({ recheck: false });

// Key-shaped strings built at run time, so no secret-looking literal sits in the repository.
const STANDARD_KEY = `sk-${'0a1b2c3d'.repeat(4)}`;
const PLAN_KEY = `sk-sp-${'9f8e7d6c'.repeat(4)}`;
const tmp = mkdtempSync(join(tmpdir(), 'bd-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[], env: NodeJS.ProcessEnv = {}, dotEnv?: string) {
  let stdout = '';
  let stderr = '';
  let dotEnvPath = join(tmp, 'none.env');
  if (dotEnv !== undefined) {
    dotEnvPath = join(tmp, `${Math.random().toString(36).slice(2)}.env`);
    writeFileSync(dotEnvPath, dotEnv);
  }
  const status = await main(['check', ...args], {
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
  return { status, stdout, stderr };
}

describe('bailian-doctor check', () => {
  it('--json prints exactly {ok, config, findings[{id, severity, message, fix}]} and exits 1 on problems', async () => {
    const r = await run(
      [
        '--json',
        '--base-url',
        'https://dashscope.aliyuncs.com/compatible-mode/v1',
        '--key-env',
        'MY_KEY',
        '--model',
        'qwen-plus',
      ],
      { MY_KEY: PLAN_KEY },
    );
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json).sort()).toEqual(['config', 'findings', 'ok']);
    expect(json.ok).toBe(false);
    for (const f of json.findings) expect(Object.keys(f).sort()).toEqual(['fix', 'id', 'message', 'severity']);
    expect(json.findings.map((f: { id: string }) => f.id)).toContain('auth.coding-plan-key-on-standard-endpoint');
    expect(json.config).toMatchObject({ keyKind: 'coding-plan', keyLength: 'typical', plan: 'standard', region: 'cn' });
    expect(json.config.sources.key).toBe('MY_KEY');
    expect(r.stdout).not.toContain(PLAN_KEY);
    expect(r.stdout).not.toContain(PLAN_KEY.slice(6, 20));
  });

  it('exits 0 with "No problem found" for a right configuration', async () => {
    const r = await run(
      [
        '--base-url',
        'https://coding-intl.dashscope.aliyuncs.com/apps/anthropic',
        '--model',
        'qwen3-coder-plus',
        '--key-env',
        'K',
        '--client',
        'anthropic',
      ],
      { K: PLAN_KEY },
    );
    expect(r.stdout).toContain('No problem found');
    expect(r.stdout).toContain('key coding-plan, typical length');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain(PLAN_KEY);
  });

  it('--env reads the Claude Code variables from a .env in the current folder (child process, real cwd)', () => {
    const dir = mkdtempSync(join(tmp, 'cwd-'));
    writeFileSync(
      join(dir, '.env'),
      `ANTHROPIC_BASE_URL=https://coding.dashscope.aliyuncs.com/v1\nANTHROPIC_AUTH_TOKEN=${STANDARD_KEY}\nANTHROPIC_MODEL=Qwen3-Coder-Plus\n`,
    );
    const env = Object.fromEntries(CHECK_ENV_VARS.map((v) => [v, '']));
    const r = runCli(['check', '--env', '--json'], undefined, env, dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.config).toMatchObject({ client: 'anthropic', keyKind: 'standard', model: 'Qwen3-Coder-Plus' });
    expect(json.config.sources).toMatchObject({
      baseUrl: 'ANTHROPIC_BASE_URL (.env)',
      key: 'ANTHROPIC_AUTH_TOKEN (.env)',
    });
    const ids = json.findings.map((f: { id: string }) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(['path.wrong-protocol', 'model.case', 'auth.standard-key-on-coding-endpoint']),
    );
    expect(`${r.stdout}${r.stderr}`).not.toContain(STANDARD_KEY);
  });

  it('--env: the process environment wins over .env; flags win over both', async () => {
    const dotEnv = 'DASHSCOPE_HTTP_BASE_URL=https://dashscope.aliyuncs.com/api/v1\nDASHSCOPE_API_KEY=\n';
    const fromEnv = await run(
      ['--env', '--json'],
      { DASHSCOPE_API_KEY: STANDARD_KEY, DASHSCOPE_HTTP_BASE_URL: 'https://dashscope-intl.aliyuncs.com/api/v1' },
      dotEnv,
    );
    expect(JSON.parse(fromEnv.stdout).config).toMatchObject({
      client: 'dashscope',
      region: 'intl',
      keyKind: 'standard',
    });
    const flag = await run(
      ['--env', '--json', '--base-url', 'https://dashscope-us.aliyuncs.com/api/v1'],
      { DASHSCOPE_API_KEY: STANDARD_KEY },
      dotEnv,
    );
    expect(JSON.parse(flag.stdout).config).toMatchObject({ region: 'us', sources: { baseUrl: '--base-url' } });
    const file = await run(['--env', '--json'], { DASHSCOPE_API_KEY: STANDARD_KEY }, dotEnv);
    expect(JSON.parse(file.stdout).config.sources.baseUrl).toBe('DASHSCOPE_HTTP_BASE_URL (.env)');
  });

  it.each([
    [
      { OPENAI_BASE_URL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', OPENAI_API_KEY: STANDARD_KEY },
      'openai',
      'OPENAI_API_KEY',
    ],
    [
      { OPENAI_BASE_URL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', DASHSCOPE_API_KEY: STANDARD_KEY },
      'openai',
      'DASHSCOPE_API_KEY',
    ],
    [{ ALIBABA_API_KEY: STANDARD_KEY }, 'openai', 'ALIBABA_API_KEY'],
    [
      { DASHSCOPE_BASE_URL: 'https://dashscope.aliyuncs.com/api/v1', DASHSCOPE_API_KEY: STANDARD_KEY },
      'dashscope',
      'DASHSCOPE_API_KEY',
    ],
    [
      { ANTHROPIC_BASE_URL: 'https://dashscope-intl.aliyuncs.com/apps/anthropic', ANTHROPIC_API_KEY: STANDARD_KEY },
      'anthropic',
      'ANTHROPIC_API_KEY',
    ],
  ])('--env with %j reads the %s client, key from %s', async (env, client, keyFrom) => {
    const r = await run(['--env', '--json'], env);
    const json = JSON.parse(r.stdout);
    expect(json.config.client).toBe(client);
    expect(json.config.sources.key).toBe(keyFrom);
    expect(json.config.keyKind).toBe('standard');
    expect(r.stdout).not.toContain(STANDARD_KEY);
  });

  it('names a key variable that is unset as a missing key', async () => {
    const r = await run([
      '--json',
      '--base-url',
      'https://dashscope.aliyuncs.com/compatible-mode/v1',
      '--key-env',
      'NOT_SET',
    ]);
    const json = JSON.parse(r.stdout);
    expect(json.findings[0]).toMatchObject({ id: 'key.missing', severity: 'error' });
    expect(json.findings[0].message).toContain('NOT_SET');
    expect(r.status).toBe(1);
  });

  it.each([
    [['--client', 'gemini', '--base-url', 'https://x']],
    [['--key-env', STANDARD_KEY]],
    [['--key-prefix', PLAN_KEY]],
    [['--key-region', 'mars', '--model', 'qwen-plus']],
    [[]],
    [['--bogus']],
  ])('usage error %j → exit 2, the value never repeated', async (args) => {
    const r = await run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bailian-doctor: /);
    expect(r.stdout + r.stderr).not.toContain(STANDARD_KEY.slice(3));
    expect(r.stdout + r.stderr).not.toContain(PLAN_KEY.slice(6));
  });

  it('every variable --env reads is listed in .env.example and README', () => {
    const root = join(import.meta.dirname, '..', '..');
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(CHECK_ENV_VARS.length).toBe(10);
    for (const name of CHECK_ENV_VARS) {
      expect(example).toMatch(new RegExp(`^#?\\s*${name}=`, 'm'));
      expect(readme).toContain(`\`${name}\``);
    }
  });

  it('a key pasted into --base-url is not printed', async () => {
    const r = await run([
      '--base-url',
      `https://dashscope.aliyuncs.com/compatible-mode/v1?key=${STANDARD_KEY}`,
      '--json',
    ]);
    expect(r.stdout).not.toContain(STANDARD_KEY.slice(3));
  });
});
