// The Dockerfile and compose.yaml, read statically (Docker is not on every machine; `npm run deploy:replay`, run by
// CI, replays the build and start steps): multi-stage, non-root, writes only to volumes, probes on our routes,
// every COPY source present, and the replicated compose setup on PostgreSQL.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

interface Stage {
  from: string;
  name?: string;
  steps: { kw: string; rest: string }[];
}

function stages(text: string): Stage[] {
  const out: Stage[] = [];
  for (const raw of text.replace(/\\\n/g, ' ').split('\n')) {
    const m = /^(\w+)\s+(.*)$/.exec(raw.trim());
    if (!m || raw.trim().startsWith('#')) continue;
    const [, kw, rest] = m as unknown as [string, string, string];
    if (kw === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(rest) as unknown as [string, string, string?];
      out.push({ from, name, steps: [] });
    } else out.at(-1)?.steps.push({ kw, rest });
  }
  return out;
}

describe('Dockerfile', () => {
  const all = stages(read('Dockerfile'));
  const runtime = all.at(-1)!;
  const step = (kw: string) => runtime.steps.filter((s) => s.kw === kw).map((s) => s.rest);

  it('builds in one stage and runs from another, on Node 20 as in engines', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const s of all) expect(s.from).toMatch(/^node:20\b/);
    expect(JSON.parse(read('package.json')).engines.node).toBe('>=20');
    // The compiler and the dev tools stay in the build stage.
    expect(step('RUN').join('\n')).not.toMatch(/npm (ci|install)|tsc|build\.mjs/);
  });

  it('runs as the unprivileged node user, the entry point npm start runs, with probes on /healthz', () => {
    expect(step('USER')).toEqual(['node']);
    expect(JSON.parse(step('CMD')[0]!)).toEqual(['node', 'dist/src/main.js']);
    expect(JSON.parse(read('package.json')).scripts.start).toBe('node dist/src/main.js');
    expect(step('HEALTHCHECK')[0]).toContain('/healthz');
    expect(step('STOPSIGNAL')).toEqual(['SIGTERM']);
  });

  it('sends every write to DATA_DIR or CACHE_DIR on a volume, and listens where EXPOSE says', () => {
    const env = Object.fromEntries(
      step('ENV')
        .join(' ')
        .split(/\s+/)
        .map((kv) => kv.split('=') as [string, string]),
    );
    expect(env.DATA_DIR).toBe('/data');
    expect(env.CACHE_DIR?.startsWith(`${env.DATA_DIR}/`)).toBe(true);
    expect(step('VOLUME').join()).toContain('/data');
    expect(step('EXPOSE')).toEqual([env.PORT]);
    expect(env.LOG_FORMAT).toBe('json');
    // Every variable the image sets is a documented one (NODE_ENV is Node's own).
    for (const name of Object.keys(env))
      if (name !== 'NODE_ENV') expect(read('.env.example'), name).toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const ignore = read('.dockerignore')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    for (const s of all)
      for (const copy of s.steps.filter((x) => x.kw === 'COPY' && !x.rest.includes('--from'))) {
        const sources = copy.rest.split(/\s+/).slice(0, -1);
        for (const src of sources) {
          expect(existsSync(join(ROOT, src)), src).toBe(true);
          expect(
            ignore.some((p) => src === p || src.startsWith(`${p}/`)),
            `${src} is ignored`,
          ).toBe(false);
        }
      }
    expect(ignore).toEqual(expect.arrayContaining(['.env', '.git', 'node_modules']));
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<string, Record<string, unknown> & { environment?: Record<string, string> }>;
  };
  const api = compose.services.api!;

  it('runs replicas of the image on PostgreSQL 15, read-only, with the database reached by DATABASE_URL', () => {
    expect(compose.services.postgres!.image).toBe('postgres:15');
    expect(api.build).toBe('.');
    expect(api.read_only).toBe(true);
    expect((api.deploy as { replicas: number }).replicas).toBeGreaterThan(1);
    expect(api.environment!.DATABASE_URL).toMatch(/^postgres:\/\/\w+:\$\{POSTGRES_PASSWORD\}@postgres:5432\/\w+$/);
    expect(api.tmpfs).toEqual(expect.arrayContaining(['/data']));
    expect(api.environment!.CACHE_DIR?.startsWith('/data/')).toBe(true);
    expect((api.depends_on as Record<string, { condition: string }>).postgres!.condition).toBe('service_healthy');
  });

  it('keeps the bots out of the replicated API (each message would be answered by every replica)', () => {
    expect(api.environment!.SLACK_BOT_TOKEN).toBe('');
    expect(api.environment!.DISCORD_TOKEN).toBe('');
  });

  it('CI replays the Dockerfile', () => {
    expect(read('.ci/run')).toContain('npm run deploy:replay');
  });
});
