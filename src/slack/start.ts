// Placeholder: the slack surface replaces this file.
import type { SurfaceHandle } from '../main.js';

export async function startSlack(_env: NodeJS.ProcessEnv): Promise<SurfaceHandle> {
  throw new Error('the slack surface is not built yet');
}
