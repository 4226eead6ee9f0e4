// `bailian-doctor discord` runs the Discord bot alone (until SIGINT/SIGTERM);
// `bailian-doctor discord register [--guild ID]` bulk-overwrites its application commands.
import { parseArgs } from 'node:util';
import { loadDotEnv } from '../../config/env.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { untilSignal } from '../until-signal.js';

const USAGE = 'usage: bailian-doctor discord [register [--guild ID]]';

async function config(ctx: CliContext) {
  const { DiscordConfigError, parseDiscordConfig } = await import('../../discord/config.js');
  try {
    return parseDiscordConfig(ctx.env);
  } catch (err) {
    if (err instanceof DiscordConfigError) throw new UsageError(err.message);
    throw err;
  }
}

async function register(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { guild: { type: 'string', short: 'g' } } });
  if (positionals.length) throw new UsageError(USAGE);
  const { isSnowflake } = await import('../../discord/config.js');
  if (values.guild !== undefined && !isSnowflake(values.guild))
    throw new UsageError(
      `--guild ${values.guild} is not a server id (Developer Mode → right-click the server → Copy Server ID)`,
    );
  const cfg = await config(ctx);
  const { registerCommands } = await import('../../discord/commands/register.js');
  const result = await registerCommands(cfg, values.guild);
  ctx.stdout(
    `registered ${result.names.map((n) => `"${n}"`).join(', ')} (${result.scope}) for application ${result.applicationId}\n`,
  );
  if (!values.guild)
    ctx.stdout('note: global commands can take up to an hour to appear; use --guild ID while testing\n');
  return 0;
}

async function run(ctx: CliContext): Promise<number> {
  const { startDiscord } = await import('../../discord/start.js');
  let handle: Awaited<ReturnType<typeof startDiscord>>;
  try {
    handle = await startDiscord(ctx.env);
  } catch (err) {
    // Start-up problems that name a variable are the operator's to fix: print them, exit 2.
    if (/^[A-Z_]+: /.test((err as Error).message)) throw new UsageError((err as Error).message);
    throw err;
  }
  ctx.stderr('discord bot running; Ctrl-C to stop\n');
  const signal = await untilSignal();
  ctx.stderr(`${signal}: stopping the discord bot\n`);
  await handle.stop();
  return 0;
}

export async function discordCommand(ctx: CliContext): Promise<number> {
  loadDotEnv();
  const [sub, ...rest] = ctx.args;
  if (sub === 'register') return register(ctx, rest);
  if (sub === undefined) return run(ctx);
  throw new UsageError(USAGE);
}
