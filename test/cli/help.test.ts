// --version, help <command>, <command> --help, and a mistyped flag answered by us (with the nearest flag), not by
// node:util's parseArgs wording.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FORMATS } from '../../src/index.js';
import { runCli } from './run-cli.js';

const PKG = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { env: {}, stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
}

describe('CLI help and version', () => {
  it.each([['--version'], ['-V'], ['version']])('%s prints the package version', async (flag) => {
    expect(await run([flag])).toEqual({ code: 0, out: `${PKG.version}\n`, err: '' });
  });

  it('the built CLI prints the same version', () => {
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(PKG.version);
  });

  it('the overview lists --format with its values, --version and help <command>', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--format F');
    for (const f of FORMATS) expect(r.out).toContain(f);
    expect(r.out).toContain('--version');
    expect(r.out).toContain('help <command>');
  });

  it.each([
    ['diagnose', ['--file F', '--fact key=value', '--format F', '--json', '--all', '--echo']],
    ['serve', ['--port N', '--host H']],
    ['discord', ['register --guild ID']],
    ['rules', ['list [--json]', 'test [-v]', 'lint']],
    ['slack', ['SLACK_BOT_TOKEN']],
  ])('help %s, %s --help and %s -h print that command’s flags', async (command, flags) => {
    for (const args of [
      ['help', command],
      [command, '--help'],
      [command, '-h'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toContain(`Usage: bailian-doctor ${command}`);
      for (const flag of flags) expect(r.out).toContain(flag);
    }
  });

  it('--help after -- is text, not a request for help', async () => {
    const r = await run(['diagnose', '--json', '--', '--help']);
    expect(r.out).not.toContain('Usage:');
    expect(JSON.parse(r.out)).toHaveProperty('matched');
  });

  it('discord register --help prints the discord help instead of registering', async () => {
    const r = await run(['discord', 'register', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('register --guild ID');
  });
});

describe('CLI usage errors', () => {
  it.each([
    [['diagnose', '--jsn', 'x'], /unknown flag --jsn for diagnose; did you mean --json\?/],
    [['diagnose', '--fromat', 'json', 'x'], /unknown flag --fromat for diagnose; did you mean --format\?/],
    [['diagnose', '--flie', 'a.txt'], /did you mean --file\?/],
    [['serve', '--prot', '1'], /unknown flag --prot for serve; did you mean --port\?/],
    [['rules', 'list', '--jason'], /did you mean --json\?/],
    [['discord', 'register', '--guidl', '1'], /did you mean --guild\?/],
  ])('%j names the nearest flag and the command help', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain(`bailian-doctor ${args[0]} --help`);
    expect(r.err).not.toMatch(/To specify a positional argument/);
  });

  it('a flag far from every real one gets no wild guess', async () => {
    const r = await run(['diagnose', '--zzzzzzzz', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown flag --zzzzzzzz for diagnose \(/);
    expect(r.err).not.toMatch(/did you mean/);
  });

  it('a flag missing its value says which one', async () => {
    const r = await run(['diagnose', '--file']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--file needs a value/);
  });

  it('a mistyped command suggests the real one', async () => {
    const r = await run(['diagnoze', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "diagnoze"; did you mean "diagnose"\?/);
    const h = await run(['help', 'srve']);
    expect(h.code).toBe(2);
    expect(h.err).toMatch(/did you mean "serve"/);
  });
});
