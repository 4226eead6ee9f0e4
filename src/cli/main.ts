// CLI entry: a table of commands; surfaces are imported only when their command runs, so
// `diagnose` starts fast.

import { loadDotEnv } from '../config/env.js';
import { redact, VERSION } from '../index.js';
import { importSurface } from '../optional-packages.js';
import type { CliContext, Command } from './context.js';
import { exitStatusOf } from './exit-codes.js';
import { nearest } from './nearest.js';
import { COMMAND_USAGE, USAGE } from './usage.js';

/** Commands that run a surface or read its storage read `.env` (once, here), like `npm start`; `diagnose` and `rules` do not. */
const READS_DOTENV = new Set(['serve', 'slack', 'discord', 'gaps', 'stats']);

const COMMANDS: Record<string, () => Promise<Command>> = {
  diagnose: async () => (await import('./commands/diagnose.js')).diagnoseCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  verify: async () => (await import('./commands/verify.js')).verifyCommand,
  rules: async () => (await import('./commands/rules.js')).rulesCommand,
  gaps: async () => (await import('./commands/gaps.js')).gapsCommand,
  stats: async () => (await import('./commands/stats.js')).statsCommand,
  serve: async () => (await importSurface('http', () => import('./commands/serve.js'))).serveCommand,
  slack: async () => (await importSurface('slack', () => import('./commands/slack.js'))).slackCommand,
  discord: async () => (await import('./commands/discord.js')).discordCommand,
};

export async function main(argv: string[], io: Partial<CliContext> = {}): Promise<number> {
  const stdout = io.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = io.stderr ?? ((s: string) => void process.stderr.write(s));
  const [name, ...args] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    stdout(`${VERSION}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h') {
    (name ? stdout : stderr)(USAGE());
    return name ? 0 : 2;
  }
  if (name === 'help') {
    const topic = args[0];
    if (!topic) {
      stdout(USAGE());
      return 0;
    }
    const usage = COMMAND_USAGE[topic];
    if (!usage) return unknownCommand(topic, stderr);
    stdout(usage());
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) return unknownCommand(name, stderr);
  // `<command> --help` anywhere before a `--` (after it, `--help` is text to diagnose).
  const beforeDashes = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (beforeDashes.includes('--help') || beforeDashes.includes('-h')) {
    stdout(COMMAND_USAGE[name]!());
    return 0;
  }
  if (!io.env && READS_DOTENV.has(name)) loadDotEnv();
  const ctx: CliContext = {
    args,
    stdin: io.stdin ?? process.stdin,
    stdout,
    stderr,
    isTTY: io.isTTY ?? Boolean(process.stdout.isTTY),
    env: io.env ?? process.env,
    dotEnvPath: io.dotEnvPath,
  };
  try {
    return await (await load())(ctx);
  } catch (err) {
    const status = exitStatusOf(err);
    if (status === undefined) throw err;
    // Node's own argument errors quote what was typed: redact them like every other output.
    stderr(`bailian-doctor: ${redact((err as Error).message).text}\n`);
    return status;
  }
}

function unknownCommand(typed: string, stderr: (s: string) => void): number {
  const near = nearest(typed, Object.keys(COMMANDS));
  stderr(`unknown command "${redact(typed).text}"${near ? `; did you mean "${near}"?` : ''}\n\n${USAGE()}`);
  return 2;
}
