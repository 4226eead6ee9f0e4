// The packed tarball, installed into an empty project with production dependencies only (what `npm i
// bailian-doctor` gives a user): diagnose() and the CLI work, the README's library example compiles under
// `tsc --init` defaults and runs, and a surface whose optional packages are absent says what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const work = mkdtempSync(join(tmpdir(), 'bd-install-'));
const project = join(work, 'project');
const bin = join(project, 'node_modules', '.bin', 'bailian-doctor');

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The README's ```ts block under "## Library", verbatim. */
function readmeLibraryExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Library'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('README has no ```ts block under ## Library');
  return code;
}

beforeAll(() => {
  // --ignore-scripts: the dist/ built by `npm test`'s build step; `files` leaves out its maps and tests.
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT)) as [
    { filename: string },
  ];
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
  // --prefer-offline: the npm cache already holds yaml and json-rules-engine from this checkout's own install.
  npm(['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed!.filename)], project);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the installed package, production dependencies only', () => {
  it('pulls only the library’s own dependencies: no server, bot or regex-checker packages', () => {
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    const installed = Object.keys(lock.packages).map((p) => p.replace(/^.*node_modules\//, ''));
    for (const heavy of [
      'fastify',
      '@slack/bolt',
      'discord.js',
      'pino',
      'prom-client',
      'recheck',
      'better-sqlite3',
      'kysely',
      'pg',
      'typescript',
    ])
      expect(installed).not.toContain(heavy);
    expect(installed).toContain('json-rules-engine');
  });

  it('diagnose() answers from the bundled rules', () => {
    const script = `import { diagnose, VERSION } from 'bailian-doctor';
const r = await diagnose('Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.');
console.log(JSON.stringify({ id: r.diagnoses[0]?.id, VERSION }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: project,
      encoding: 'utf8',
    });
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(JSON.parse(out)).toEqual({ id: 'auth.invalid-api-key', VERSION: version });
  });

  it('exports the bundled rules folder, and its files by path', () => {
    const script = `import { BUNDLED_RULES_DIR } from 'bailian-doctor';
import { existsSync } from 'node:fs';
const file = import.meta.resolve('bailian-doctor/rules/auth/invalid-api-key.yaml');
console.log(JSON.stringify({ dir: existsSync(BUNDLED_RULES_DIR), file: existsSync(new URL(file)) }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ dir: true, file: true });
  });

  it('the CLI diagnoses, and lists and tests the bundled rules', () => {
    const r = spawnSync(bin, ['diagnose', '--json', 'InvalidApiKey - Invalid API-key provided. dashscope'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).diagnoses[0].code).toBe('InvalidApiKey');
    const rules = spawnSync(bin, ['rules', 'test'], { encoding: 'utf8' });
    expect(rules.status, rules.stdout + rules.stderr).toBe(0);
  });

  it.each([
    [['serve'], /the HTTP API needs \S+, .*npm i fastify@\^5/],
    [['slack'], /the Slack bot needs \S+, .*npm i @slack\/bolt@\^5/],
    [['discord', 'register'], /the Discord bot needs \S+, .*npm i discord\.js@\^14/],
    // Which missing package is named first depends on ESM load order; the npm line always lists them all.
  ])('%j without its packages exits 2 with the npm command that installs them', (args, message) => {
    const env = {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_APP_TOKEN: 'xapp-1-A-2-abc',
      DISCORD_TOKEN: 'MTIz.abc.def',
    };
    const r = spawnSync(bin, args, { encoding: 'utf8', env, timeout: 20_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|\n\s+at /);
  });

  it('the README library example compiles under `tsc --init` defaults and runs', () => {
    execFileSync(process.execPath, [TSC, '--init'], { cwd: project, stdio: 'ignore' });
    writeFileSync(join(project, 'example.ts'), readmeLibraryExample());
    mkdirSync(join(project, 'my-rules'), { recursive: true });
    const tsc = spawnSync(process.execPath, [TSC, '-p', '.'], { cwd: project, encoding: 'utf8' });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    const run = spawnSync(process.execPath, ['example.js'], { cwd: project, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\S/);
  });
});
