// `bailian-doctor check [--base-url U] [--model M] [--key-env NAME] [--client C] [--env] [--json]`: the configuration
// against the diagnoser's knowledge, with nothing sent anywhere. Exit 0 no problem, 1 problems found, 2 usage.
import { checkConfig, renderCheckText } from '../../index.js';
import { CHECK_OPTIONS, readCheckArgs } from '../check-args.js';
import type { CliContext } from '../context.js';
import { parseFlags } from '../flags.js';

export async function checkCommand(ctx: CliContext): Promise<number> {
  const { values } = parseFlags('check', { args: ctx.args, options: CHECK_OPTIONS });
  const { input, otherClients } = readCheckArgs(ctx, values);
  const result = await checkConfig(input);
  ctx.stdout(values.json ? `${JSON.stringify(result)}\n` : renderCheckText(result));
  // The answer covers one client; say which others the environment sets up (on stderr: --json stays one object).
  for (const other of otherClients)
    ctx.stderr(`note: the environment also configures the ${other} client; check it with --env --client ${other}\n`);
  return result.ok ? 0 : 1;
}
