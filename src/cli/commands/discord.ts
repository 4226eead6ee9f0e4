// `bailian-doctor discord` runs the Discord bot alone (until SIGINT/SIGTERM);
// `bailian-doctor discord register [--guild ID]` bulk-overwrites its application commands.
import { UsageError } from '../../errors.js';
import { importSurface } from '../../optional-packages.js';
import type { CliContext } from '../context.js';
import { parseFlags } from '../flags.js';
import { untilSignal } from '../until-signal.js';

const USAGE = 'usage: bailian-doctor discord [register [--guild ID]]';

async function config(ctx: CliContext) {
  const { parseDiscordConfig } = await import('../../config/discord.js');
  return parseDiscordConfig(ctx.env);
}

async function register(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseFlags('discord', {
    args,
    allowPositionals: true,
    options: { guild: { type: 'string', short: 'g' } },
  });
  if (positionals.length) throw new UsageError(USAGE);
  const { isSnowflake } = await import('../../config/discord.js');
  if (values.guild !== undefined && !isSnowflake(values.guild))
    throw new UsageError(
      `--guild ${values.guild} is not a server id (Developer Mode → right-click the server → Copy Server ID)`,
    );
  const cfg = await config(ctx);
  const { registerCommands } = await importSurface('discord', () => import('../../discord/commands/register.js'));
  const result = await registerCommands(cfg, values.guild);
  ctx.stdout(
    `registered ${result.names.map((n) => `"${n}"`).join(', ')} (${result.scope}) for application ${result.applicationId}\n`,
  );
  if (!values.guild)
    ctx.stdout('note: global commands can take up to an hour to appear; use --guild ID while testing\n');
  return 0;
}

async function run(ctx: CliContext): Promise<number> {
  const { startDiscord } = await importSurface('discord', () => import('../../discord/start.js'));
  // Start-up problems that name a variable carry a code main() maps to exit 2 (cli/exit-codes.ts).
  const handle = await startDiscord(ctx.env);
  ctx.stderr('discord bot running; Ctrl-C to stop\n');
  const signal = await untilSignal();
  ctx.stderr(`${signal}: stopping the discord bot\n`);
  await handle.stop();
  return 0;
}

export async function discordCommand(ctx: CliContext): Promise<number> {
  const [sub, ...rest] = ctx.args;
  if (sub === 'register') return register(ctx, rest);
  if (sub === undefined) return run(ctx);
  throw new UsageError(USAGE);
}
