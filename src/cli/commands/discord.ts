// `bailian-doctor discord` — placeholder until the surface lands.
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';

export async function discordCommand(_ctx: CliContext): Promise<number> {
  throw new UsageError('discord is not available yet');
}
