// The bundled CLI (scripts/bundle-cli.mjs) against the modules it is made from, in a copy of the package built
// here from the current dist/: the same answers, exit statuses and messages for every kind of command, and the
// launcher's choice — the bundle while it is fresh, the modules once one of them changed after it.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'bd-bundle-'));
const pkg = join(work, 'pkg');
const dist = join(pkg, 'dist', 'src');
const dataDir = join(work, 'data');
const INVALID_KEY = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';
const RATE_LIMIT = `Traceback (most recent call last):
openai.RateLimitError: Error code: 429 - {'error': {'code': 'limit_requests', 'message': 'Requests rate limit exceeded, please try again later.'}}`;

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  NO_COLOR: '1',
  RULES_DIR: '',
  DATA_DIR: '',
  DATABASE_URL: '',
  CACHE_DIR: join(work, 'cache'),
  ...extra,
});

/** Run one entry's main() (the bundle's or the modules') as the launcher does, in a child process. */
function runEntry(entry: string, args: string[], extra?: NodeJS.ProcessEnv) {
  // The arguments go in the script itself: after `-e`, node would take `--version` as its own.
  const script = `const { main } = await import(${JSON.stringify(pathToFileURL(entry).href)});
process.exitCode = await main(${JSON.stringify(args)});`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: pkg,
    encoding: 'utf8',
    env: env(extra),
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const launch = (args: string[]) =>
  spawnSync(process.execPath, [join(pkg, 'bin', 'bailian-doctor.js'), ...args], {
    cwd: pkg,
    encoding: 'utf8',
    env: env(),
    timeout: 20_000,
  });

beforeAll(async () => {
  // The package as npm ships it: bin/, the compiled modules, the rules, package.json; its dependencies linked.
  for (const part of ['bin', 'rules', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
  cpSync(join(ROOT, 'dist', 'src'), dist, {
    recursive: true,
    filter: (src) => !src.includes(`${join(ROOT, 'dist', 'src', 'bundle')}`) && !/\.(map|d\.ts)$/.test(src),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  mkdirSync(dataDir);
  const { bundleCli } = await import(pathToFileURL(join(ROOT, 'scripts', 'bundle-cli.mjs')).href);
  expect(await bundleCli(pkg)).toBe(join(dist, 'bundle'));
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the bundled CLI', () => {
  const bundle = () => join(dist, 'bundle', 'cli.js');
  const modules = () => join(dist, 'cli', 'main.js');

  it.each([
    [['diagnose', INVALID_KEY]],
    [['diagnose', '--json', RATE_LIMIT]],
    [['diagnose', '--format', 'slack', '--all', RATE_LIMIT]],
    [['diagnose', '--format', 'discord', INVALID_KEY]],
    [['diagnose', '--fact', 'baseUrl=https://dashscope-intl.aliyuncs.com/compatible-mode/v1', INVALID_KEY]],
    [['diagnose', 'what is the capital of France?']],
    [['diagnose', '--format', 'nope', INVALID_KEY]],
    [['diagnose', '--colour', INVALID_KEY]],
    [['check', '--base-url', 'https://dashscope.aliyuncs.com/compatible-mode/v1', '--model', 'qwen-plus', '--json']],
    [['rules', 'list', '--json']],
    [['help', 'diagnose']],
    [['--version']],
    [['diagnoze', 'x']],
  ])('%j: the same output and exit status as the modules', (args) => {
    const fromBundle = runEntry(bundle(), args);
    expect(fromBundle).toEqual(runEntry(modules(), args));
    expect(fromBundle.status).not.toBeNull();
  });

  it('keeps the answer in DATA_DIR like the modules do (the storage chunk loads when it is needed)', () => {
    const args = ['diagnose', '--json', INVALID_KEY];
    const [a, b] = [bundle(), modules()].map((entry) => runEntry(entry, args, { DATA_DIR: dataDir }));
    const [ja, jb] = [a, b].map((r) => JSON.parse(r?.stdout ?? ''));
    expect(ja.answerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(jb.answerId).toMatch(/^[0-9a-f-]{36}$/);
    expect({ ...ja, answerId: '' }).toEqual({ ...jb, answerId: '' });
    expect([a?.status, a?.stderr]).toEqual([b?.status, b?.stderr]);
  });
});

describe('the launcher', () => {
  // `Usage: bailian-doctor diagnose` is in cli/usage.js, one of the modules `diagnose` loads.
  const usage = () => join(dist, 'cli', 'usage.js');
  const rewrite = (from: string, to: string) => {
    writeFileSync(usage(), readFileSync(usage(), 'utf8').replace(from, to));
  };
  const madeAt = () => statSync(join(dist, 'bundle', 'cli.js')).mtime;
  const earlier = (d: Date) => new Date(d.getTime() - 60_000);

  it('runs the bundle while it is fresh, and the modules once one is newer than it or of another size', async () => {
    const { bundleCli } = await import(pathToFileURL(join(ROOT, 'scripts', 'bundle-cli.mjs')).href);
    // A bundle made from modules whose help says BUNDLED, then the module edited to say MODULES (same length).
    rewrite('Usage: bailian-doctor diagnose', 'Usage: BUNDLED-doctor diagnose');
    await bundleCli(pkg);
    rewrite('Usage: BUNDLED-doctor diagnose', 'Usage: MODULES-doctor diagnose');
    utimesSync(usage(), earlier(madeAt()), earlier(madeAt()));
    expect(launch(['diagnose', '--help']).stdout).toMatch(/^Usage: BUNDLED-doctor diagnose/);
    // Newer than the bundle (a tsc since): the modules.
    utimesSync(usage(), new Date(), new Date(Date.now() + 5_000));
    expect(launch(['diagnose', '--help']).stdout).toMatch(/^Usage: MODULES-doctor diagnose/);
    // Older but of another size (a tarball packed without the build: npm resets every mtime): the modules too.
    rewrite('Usage: MODULES-doctor diagnose', 'Usage: MODULES-bailian-doctor diagnose');
    utimesSync(usage(), earlier(madeAt()), earlier(madeAt()));
    expect(launch(['diagnose', '--help']).stdout).toMatch(/^Usage: MODULES-bailian-doctor diagnose/);
    // Any other command checks every module the bundle holds.
    expect(launch(['help', 'diagnose']).stdout).toMatch(/^Usage: MODULES-bailian-doctor diagnose/);
    // No bundle at all: the modules.
    rmSync(join(dist, 'bundle'), { recursive: true });
    expect(launch(['diagnose', '--help']).stdout).toMatch(/^Usage: MODULES-bailian-doctor diagnose/);
    const answer = launch(['diagnose', INVALID_KEY]);
    expect([answer.status, answer.stdout]).toEqual([0, expect.stringContaining('[InvalidApiKey]')]);
  });
});
