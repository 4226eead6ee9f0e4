// `bailian-doctor check [--base-url U] [--model M] [--key-env NAME] [--client C] [--env] [--json]`: the configuration
// against the diagnoser's knowledge, with nothing sent anywhere. Exit 0 no problem, 1 problems found, 2 usage.
import { parseArgs } from 'node:util';
import { checkConfig, renderCheckText } from '../../index.js';
import { CHECK_OPTIONS, readCheckArgs } from '../check-args.js';
import type { CliContext } from '../context.js';

export async function checkCommand(ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args: ctx.args, options: CHECK_OPTIONS });
  const { input } = readCheckArgs(ctx, values);
  const result = await checkConfig(input);
  ctx.stdout(values.json ? `${JSON.stringify(result)}\n` : renderCheckText(result));
  return result.ok ? 0 : 1;
}
