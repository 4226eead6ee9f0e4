// `bailian-doctor serve` — placeholder until the surface lands.
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';

export async function serveCommand(_ctx: CliContext): Promise<number> {
  throw new UsageError('serve is not available yet');
}
