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
  bailian-doctor check [--base-url U] [--model M] [--key-env NAME] [--client openai|anthropic|dashscope] [--env] [--json]
      Check a client configuration before sending anything (--env: the clients' variables and ./.env).
      Exit 0: no problem; 1: problems found; 2: usage error. The key is never printed, only its kind.
  bailian-doctor verify [same flags] [--timeout MS] [--any-host]
      Send one minimal request with that configuration and the key from the environment; diagnose the answer.
  bailian-doctor rules list [--json] | rules test [-v] | rules lint
  bailian-doctor serve [--port N] [--host H]     HTTP API (default 127.0.0.1:8080)
  bailian-doctor slack                           Slack bot (needs SLACK_BOT_TOKEN, see .env.example)
  bailian-doctor discord [register [--guild ID]] Discord bot, or register its commands
`;

/** Commands that run a surface read `.env` (once, here), like `npm start`; `diagnose` and `rules` do not. */
const READS_DOTENV = new Set(['serve', 'slack', 'discord']);

const COMMANDS: Record<string, () => Promise<Command>> = {
  diagnose: async () => (await import('./commands/diagnose.js')).diagnoseCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  verify: async () => (await import('./commands/verify.js')).verifyCommand,
  rules: async () => (await import('./commands/rules.js')).rulesCommand,
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
