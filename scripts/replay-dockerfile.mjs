#!/usr/bin/env node
// Replays the Dockerfile without Docker, so its build and start steps stay true on machines (and CI) that have
// none: each stage runs in its own folder of a clean copy of the checkout (the files git knows, minus
// .dockerignore), COPY copies, RUN runs, ENV accumulates, and the runtime stage's CMD is started with the image's
// environment. Then it checks what the image promises: /healthz and /readyz answer, the HEALTHCHECK command
// passes, nothing is written outside DATA_DIR and CACHE_DIR, no dev tool is in node_modules, SIGTERM exits 0.
//
//   npm run deploy:replay            (about a minute: npm ci, tsc, prune)
//
// Mapped, because this runs on the host and not in a container: /app and /data become temp folders, HOST is
// 127.0.0.1 and PORT 0 (loopback only, a free port), `chown` is skipped (there may be no `node` user), and
// `npm ci` may use the local npm cache (npm_config_prefer_offline).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'bd-replay-'));
const context = join(work, 'context');
const dataDir = join(work, 'data');
const say = (s) => process.stdout.write(`replay: ${s}\n`);
const fail = (s) => {
  process.stderr.write(`replay: FAILED: ${s}\n`);
  if (!keep) rmSync(work, { recursive: true, force: true });
  process.exit(1);
};

// ---- the Dockerfile, parsed ------------------------------------------------------------------------------------
function parseDockerfile(text) {
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  const stages = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [, op, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!op) continue;
    const kw = op.toUpperCase();
    if (kw === 'FROM') {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(rest);
      stages.push({ image, name: name ?? String(stages.length), steps: [] });
    } else stages.at(-1)?.steps.push({ kw, rest: rest.trim() });
  }
  return stages;
}

function parseEnv(rest) {
  const env = {};
  for (const m of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[m[1]] = m[2].replace(/^"|"$/g, '');
  return env;
}

// ---- a clean copy of the build context -------------------------------------------------------------------------
function cleanContext() {
  const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const ignored = (file) =>
    ignore.some((p) => (p.startsWith('*.') ? file.endsWith(p.slice(1)) : file === p || file.startsWith(`${p}/`)));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !ignored(f) && existsSync(join(ROOT, f)));
  for (const f of files) cpSync(join(ROOT, f), join(context, f));
  say(`context: ${files.length} files`);
}

// ---- the stages ----------------------------------------------------------------------------------------------
function mapPaths(s, stageDir) {
  return s.replaceAll('/app', stageDir).replaceAll('/data', dataDir);
}

function runStage(stage, dirs) {
  const dir = join(work, `stage-${stage.name}`);
  mkdirSync(dir, { recursive: true });
  dirs[stage.name] = dir;
  const env = {};
  let cmd;
  const healthcheck = [];
  for (const { kw, rest } of stage.steps) {
    if (kw === 'WORKDIR' || kw === 'USER' || kw === 'VOLUME' || kw === 'EXPOSE' || kw === 'STOPSIGNAL') continue;
    if (kw === 'ENV') Object.assign(env, parseEnv(rest));
    else if (kw === 'COPY') {
      const from = /--from=(\S+)/.exec(rest)?.[1];
      const parts = rest.replace(/--\S+/g, '').trim().split(/\s+/);
      const dest = parts.pop();
      for (const src of parts) {
        const base = from ? dirs[from] : context;
        const source = from ? mapPaths(src, base) : join(context, src);
        if (!existsSync(source)) fail(`COPY ${src}: no such file in ${from ? `stage ${from}` : 'the context'}`);
        const target = dest.endsWith('/') || dest === './' ? join(dir, dest, src.split('/').pop()) : join(dir, dest);
        cpSync(source, dest === './' ? join(dir, src.split('/').pop()) : target, { recursive: true });
      }
    } else if (kw === 'RUN') {
      const command = mapPaths(rest, dir).replace(/chown \S+ \S+/g, 'true');
      say(`[${stage.name}] RUN ${rest.slice(0, 100)}`);
      const r = spawnSync('sh', ['-c', command], {
        cwd: dir,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, ...env, npm_config_prefer_offline: 'true' },
      });
      if (r.status !== 0) fail(`[${stage.name}] RUN ${rest} exited ${r.status}`);
    } else if (kw === 'CMD') cmd = JSON.parse(rest);
    else if (kw === 'HEALTHCHECK') healthcheck.push(JSON.parse(/CMD\s+(\[.*\])$/.exec(rest)[1]));
  }
  return { dir, env, cmd, healthcheck: healthcheck[0] };
}

function snapshot(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), statSync(p).mtimeMs);
    }
  };
  walk(dir);
  return out;
}

async function start(runtime) {
  const cacheDir = mapPaths(runtime.env.CACHE_DIR, runtime.dir);
  const env = {
    PATH: process.env.PATH,
    ...runtime.env,
    DATA_DIR: mapPaths(runtime.env.DATA_DIR, runtime.dir),
    CACHE_DIR: cacheDir,
    HOST: '127.0.0.1',
    PORT: '0',
  };
  mkdirSync(dataDir, { recursive: true });
  const before = snapshot(runtime.dir);
  const [exe, ...args] = runtime.cmd;
  const child = spawn(exe === 'node' ? process.execPath : exe, args, {
    cwd: runtime.dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line);
      if (entry.msg === 'HTTP API ready') resolve(entry.url);
    });
    void exited.then((code) => reject(new Error(`CMD exited ${code} before "HTTP API ready": ${stderr}`)));
  }).catch((err) => fail(err.message));
  say(`CMD ${runtime.cmd.join(' ')}: ready at ${url}`);
  const health = await (await fetch(`${url}/healthz`)).json();
  const version = JSON.parse(readFileSync(join(runtime.dir, 'package.json'), 'utf8')).version;
  if (health.status !== 'ok' || health.version !== version) fail(`/healthz answered ${JSON.stringify(health)}`);
  const ready = await fetch(`${url}/readyz`);
  if (ready.status !== 200) fail(`/readyz answered ${ready.status}`);
  const diag = await fetch(`${url}/v1/diagnose`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.' }),
  });
  if ((await diag.json()).diagnoses?.[0]?.id !== 'auth.invalid-api-key') fail('/v1/diagnose did not diagnose');
  const [hcExe, ...hcArgs] = runtime.healthcheck;
  const hc = spawnSync(hcExe === 'node' ? process.execPath : hcExe, hcArgs, {
    env: { ...env, PORT: new URL(url).port },
  });
  if (hc.status !== 0) fail(`HEALTHCHECK exited ${hc.status}`);
  say('/healthz, /readyz, /v1/diagnose and the HEALTHCHECK command pass');
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) fail(`SIGTERM: exited ${code}: ${stderr}`);
  const after = snapshot(runtime.dir);
  const written = [...after].filter(([f, t]) => before.get(f) !== t).map(([f]) => f);
  if (written.length) fail(`wrote inside the image's filesystem (not DATA_DIR/CACHE_DIR): ${written.join(', ')}`);
  if (!existsSync(cacheDir) || !readdirSync(cacheDir).length) fail('nothing was cached in CACHE_DIR');
  say('SIGTERM exits 0; every write went to CACHE_DIR/DATA_DIR');
}

function checkPackages(runtime) {
  const has = (name) => existsSync(join(runtime.dir, 'node_modules', name, 'package.json'));
  for (const dev of ['typescript', 'vitest', '@biomejs/biome', 'knip'])
    if (has(dev)) fail(`the runtime stage holds the dev tool ${dev}`);
  for (const need of ['fastify', '@slack/bolt', 'discord.js', 'pino', 'yaml', 'json-rules-engine'])
    if (!has(need)) fail(`the runtime stage lacks ${need}`);
  const pkg = JSON.parse(readFileSync(join(runtime.dir, 'package.json'), 'utf8'));
  if (!pkg.peerDependencies) fail('the runtime package.json is not the original (no peerDependencies)');
  say('runtime node_modules: the app packages, no dev tools');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  cleanContext();
  const stages = parseDockerfile(readFileSync(join(context, 'Dockerfile'), 'utf8'));
  const dirs = {};
  let runtime;
  for (const stage of stages) runtime = runStage(stage, dirs);
  checkPackages(runtime);
  await start(runtime);
  if (!keep) rmSync(work, { recursive: true, force: true });
  say(`ok in ${Math.round((Date.now() - started) / 1000)} s`);
}
