// The CLI end to end, through a real child process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const INVALID_KEY = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';
const tmp = mkdtempSync(join(tmpdir(), 'bd-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('bailian-doctor diagnose', () => {
  it('diagnoses TEXT, prints cause, fix and a verification command, exits 0', () => {
    const r = runCli(['diagnose', INVALID_KEY]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('[InvalidApiKey]');
    expect(r.stdout).toMatch(/Cause\n/);
    expect(r.stdout).toMatch(/Fix\n\s+1\. /);
    expect(r.stdout).toMatch(/curl .*\$DASHSCOPE_API_KEY/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colour when not a TTY
  });

  it('prints exactly the documented JSON with --json', () => {
    const r = runCli(['diagnose', '--json', INVALID_KEY]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json).sort()).toEqual(['answerId', 'diagnoses', 'facts', 'matched', 'secretsFound']);
    expect(json.answerId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(json.matched).toBe(true);
    expect(Object.keys(json.diagnoses[0]).sort()).toEqual(
      [
        'category',
        'cause',
        'code',
        'confidence',
        'docs',
        'evidence',
        'fix',
        'id',
        'severity',
        'title',
        'verify',
      ].sort(),
    );
    expect(json.diagnoses[0]).toMatchObject({ category: 'auth', code: 'InvalidApiKey' });
    expect(json.diagnoses[0].verify[0]).toEqual({
      say: expect.any(String),
      run: expect.stringContaining('$DASHSCOPE_API_KEY'),
    });
    expect(json.facts.code).toBe('InvalidApiKey');
  });

  it('reads stdin when TEXT and --file are absent', () => {
    const r = runCli(['diagnose', '--json'], INVALID_KEY);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).diagnoses[0].code).toBe('InvalidApiKey');
  });

  it('reads --file', () => {
    const file = join(tmp, 'err.log');
    writeFileSync(file, `Traceback (most recent call last):\n  ...\n${INVALID_KEY}\n`);
    const r = runCli(['diagnose', '--json', '--file', file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).diagnoses[0].code).toBe('InvalidApiKey');
  });

  it('given facts win over extracted ones', () => {
    const r = runCli([
      'diagnose',
      '--json',
      '--fact',
      'baseUrl=https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
      '--fact',
      'status=401',
      INVALID_KEY,
    ]);
    const json = JSON.parse(r.stdout);
    expect(json.facts).toMatchObject({ region: 'intl', status: 401, apiPath: '/compatible-mode/v1' });
    expect(json.diagnoses[0].verify[0].run).toContain('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
  });

  it('exits 1 with "what to include" advice when nothing matches', () => {
    const r = runCli(['diagnose', 'anyone up for lunch?']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/include/i);
  });

  it('redacts a pasted key everywhere and warns to rotate it', () => {
    const key = `sk-${'Zq7'.repeat(11)}`;
    for (const args of [['diagnose'], ['diagnose', '--json']]) {
      const r = runCli([...args, `${INVALID_KEY} Authorization: Bearer ${key}`]);
      expect(r.stdout + r.stderr).not.toContain(key);
      expect(r.stdout + r.stderr).not.toContain(key.slice(3, 20));
    }
    const json = JSON.parse(runCli(['diagnose', '--json', `${INVALID_KEY} ${key}`]).stdout);
    expect(json.secretsFound).toBe(true);
    expect(runCli(['diagnose', `${INVALID_KEY} ${key}`]).stdout).toMatch(/rotate/i);
  });

  it('exits 2 with a message on usage errors', () => {
    for (const args of [
      ['diagnose', '--fact', 'nonsense'],
      ['diagnose', '--fact', 'flavour=x', 'text'],
      ['diagnose', '--bogus'],
      ['frobnicate'],
      ['diagnose', '--file', join(tmp, 'missing.txt')],
    ]) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/\S/);
    }
  });

  it('refuses binary input and empty input with exit 2', () => {
    const bin = join(tmp, 'blob.bin');
    writeFileSync(bin, Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 7)));
    expect(runCli(['diagnose', '--file', bin]).status).toBe(2);
    expect(runCli(['diagnose'], '   \n').status).toBe(2);
  });

  it('trims oversized input with a note instead of failing', () => {
    const big = `${'x '.repeat(40_000)}\n${INVALID_KEY}`;
    const r = runCli(['diagnose', '--json'], big);
    expect(r.stderr).toMatch(/longer than \d+ characters/);
    expect(JSON.parse(r.stdout).diagnoses[0]?.code).toBe('InvalidApiKey');
  });
});

describe('bailian-doctor rules', () => {
  it('lists rules', () => {
    const r = runCli(['rules', 'list', '--json']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.find((x: { id: string }) => x.id === 'auth.invalid-api-key')).toMatchObject({ category: 'auth' });
  });

  it('runs every example and reports the count', () => {
    const r = runCli(['rules', 'test']);
    expect(r.stdout).toMatch(/\d+\/\d+ examples pass across \d+ rules/);
  });

  it('serves a company rule dropped into a folder named in RULES_DIR, beside the bundled ones', () => {
    const dir = mkdtempSync(join(tmp, 'company-'));
    mkdirSync(join(dir, 'other'));
    writeFileSync(
      join(dir, 'other', 'gateway-quota.yaml'),
      [
        'id: other.gateway-quota',
        'title: Our gateway refused the call',
        'category: other',
        'severity: low',
        'priority: 90',
        'when: { fact: text, operator: matches, value: "ACME-GW-4291" }',
        'cause: The company gateway in front of Model Studio refused the call.',
        'fix: [Ask the platform team to raise your gateway quota.]',
        'verify: [{ say: Retry once., run: "curl -sS https://gateway.example/health" }]',
        'examples: { match: ["ACME-GW-4291 quota"], not: ["all good"] }',
      ].join('\n'),
    );
    const r = runCli(['diagnose', '--json', 'upstream said ACME-GW-4291 quota'], undefined, { RULES_DIR: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).diagnoses[0].id).toBe('other.gateway-quota');
    expect(runCli(['rules', 'list', '--json'], undefined, { RULES_DIR: dir }).stdout).toContain('auth.invalid-api-key');
  });

  it('refuses to run with a broken RULES_DIR, naming file and line', () => {
    const dir = mkdtempSync(join(tmp, 'rules-'));
    writeFileSync(join(dir, 'x.yaml'), 'id: other.x\ntitle: [broken\n');
    const r = runCli(['diagnose', INVALID_KEY], undefined, { RULES_DIR: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/x\.yaml:\d+: /);
  });
});
