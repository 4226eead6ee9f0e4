// Loads `.env` from the working directory once, without overriding variables already set.
import { existsSync } from 'node:fs';

let loaded = false;

export function loadDotEnv(path = '.env'): void {
  if (loaded) return;
  loaded = true;
  if (existsSync(path)) process.loadEnvFile(path);
}
