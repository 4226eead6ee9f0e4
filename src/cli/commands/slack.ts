// `bailian-doctor slack` — placeholder until the surface lands.
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';

export async function slackCommand(_ctx: CliContext): Promise<number> {
  throw new UsageError('slack is not available yet');
}
