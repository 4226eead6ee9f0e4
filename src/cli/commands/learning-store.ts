// Opening the learning loop for a one-shot CLI command: the same DATA_DIR / DATABASE_URL as `npm start`, no
// periodic sweep, closed when the command ends.
import { type LearningLoop, openLearningLoop } from '../../index.js';
import type { CliContext } from '../context.js';

export async function withLoop<T>(ctx: CliContext, run: (loop: LearningLoop) => Promise<T>): Promise<T> {
  const loop = await openLearningLoop(ctx.env, {
    sweepTimer: false,
    log: {
      warn: (obj, msg) => ctx.stderr(`bailian-doctor: ${msg}${obj.error ? ` (${String(obj.error)})` : ''}\n`),
      info: () => {},
    },
  });
  try {
    return await run(loop);
  } finally {
    await loop.close();
  }
}
