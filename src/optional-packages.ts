// The library (`diagnose()`, the rules, the renderers, `bailian-doctor diagnose`) needs only yaml and
// json-rules-engine. The server and the bots need more — Fastify and its plugins, Bolt, discord.js, pino,
// prom-client — so those are optional peer dependencies: `npm i bailian-doctor` stays small, and starting a surface
// whose packages are missing stops with the one command that installs them, instead of ERR_MODULE_NOT_FOUND.
import { BailianDoctorError } from './errors.js';
import { peerSpec } from './version.js';

export type Surface = 'http' | 'slack' | 'discord';

const SURFACE_PACKAGES: Record<Surface, readonly string[]> = {
  // Every surface keeps its answers (the embedded database by default; pg only with DATABASE_URL).
  http: [
    'fastify',
    '@fastify/rate-limit',
    '@fastify/swagger',
    '@fastify/swagger-ui',
    'pino',
    'prom-client',
    'kysely',
    'better-sqlite3',
  ],
  slack: ['@slack/bolt', 'pino', 'kysely', 'better-sqlite3'],
  discord: ['discord.js', 'pino', 'kysely', 'better-sqlite3'],
};

const SURFACE_NAMES: Record<Surface, string> = {
  http: 'the HTTP API',
  slack: 'the Slack bot',
  discord: 'the Discord bot',
};

/** Every package of every surface, once: what `npm i -g` needs for the whole app. */
function appPackages(): string[] {
  return [...new Set(Object.values(SURFACE_PACKAGES).flat())].map(peerSpec);
}

/** A surface's packages are not installed; the message gives the command that installs them. */
class MissingPackageError extends BailianDoctorError {
  override name = 'MissingPackageError';
  constructor(
    readonly surface: Surface,
    readonly missing: string,
  ) {
    const specs = SURFACE_PACKAGES[surface].map(peerSpec).join(' ');
    super(
      'MISSING_PACKAGE',
      `${SURFACE_NAMES[surface]} needs ${missing}, which a library install of bailian-doctor leaves out. ` +
        `Install its packages next to bailian-doctor: npm i ${specs} (add -g for a global install), ` +
        `or everything at once: npm i -g bailian-doctor ${appPackages().join(' ')}`,
    );
  }
}

/** The optional package `err` (a failed import) could not find, if it is one of `surface`'s. */
function missingPackageOf(err: unknown, surface: Surface): string | undefined {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || typeof e.message !== 'string') return undefined;
  const name = /Cannot find (?:package|module) '([^']+)'/.exec(e.message)?.[1];
  return SURFACE_PACKAGES[surface].find((p) => name === p || name?.startsWith(`${p}/`));
}

/** `load()` (a surface's dynamic import), with a missing optional package reported as what to install. */
export async function importSurface<T>(surface: Surface, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    const missing = missingPackageOf(err, surface);
    throw missing ? new MissingPackageError(surface, missing) : err;
  }
}
