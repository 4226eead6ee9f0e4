// Placeholder: the http surface replaces this file.
import type { SurfaceHandle } from '../main.js';

export async function startHttp(_env: NodeJS.ProcessEnv): Promise<SurfaceHandle> {
  throw new Error('the http surface is not built yet');
}
