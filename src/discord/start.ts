// Placeholder: the discord surface replaces this file.
import type { SurfaceHandle } from '../main.js';

export async function startDiscord(_env: NodeJS.ProcessEnv): Promise<SurfaceHandle> {
  throw new Error('the discord surface is not built yet');
}
