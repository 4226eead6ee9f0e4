// CLI entry: a table of commands; surfaces are imported only when their command runs, so
// `diagnose` starts fast.

import { loadDotEnv } from '../config/env.js';
import { redact } from '../index.js';
import type { CliContext, Command } from './context.js';
import { exitStatusOf } from './exit-codes.js';

const USAGE = `bailian-doctor — diagnose Alibaba Cloud Model Studio (DashScope / Qwen API) errors

Usage:
  bailian-doctor diagnose [TEXT] [--file F] [--fact key=value]… [--json] [--all]
      Diagnose an error (TEXT, a file, or stdin). Exit 0: diagnosed; 1: nothing matched; 2: usage/input error.
  bailian-doctor rules list [--json] | rules test [-v] | rules lint
  bailian-doctor gaps [--json] [--since 7d]      Clusters of pastes no rule matched, most first
  bailian-doctor gaps draft <clusterId>          A draft rule (YAML) for one gap; passes rules lint
  bailian-doctor stats [--json] [--since 30d]    Detection rate per day; shown/fixed/not it/precision per rule version
  bailian-doctor serve [--port N] [--host H]     HTTP API (default 127.0.0.1:8080)
  bailian-doctor slack                           Slack bot (needs SLACK_BOT_TOKEN, see .env.example)
  bailian-doctor discord [register [--guild ID]] Discord bot, or register its commands
`;

/** Commands that run a surface or read its storage read `.env` (once, here), like `npm start`; `diagnose` and `rules` do not. */
const READS_DOTENV = new Set(['serve', 'slack', 'discord', 'gaps', 'stats']);

const COMMANDS: Record<string, () => Promise<Command>> = {
  diagnose: async () => (await import('./commands/diagnose.js')).diagnoseCommand,
  rules: async () => (await import('./commands/rules.js')).rulesCommand,
  gaps: async () => (await import('./commands/gaps.js')).gapsCommand,
  stats: async () => (await import('./commands/stats.js')).statsCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  slack: async () => (await import('./commands/slack.js')).slackCommand,
  discord: async () => (await import('./commands/discord.js')).discordCommand,
};

export async function main(argv: string[], io: Partial<CliContext> = {}): Promise<number> {
  const stdout = io.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = io.stderr ?? ((s: string) => void process.stderr.write(s));
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? stdout : stderr)(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    stderr(`unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (!io.env && READS_DOTENV.has(name)) loadDotEnv();
  const ctx: CliContext = {
    args,
    stdin: io.stdin ?? process.stdin,
    stdout,
    stderr,
    isTTY: io.isTTY ?? Boolean(process.stdout.isTTY),
    env: io.env ?? process.env,
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
