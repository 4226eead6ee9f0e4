// SHA-256 in hex, with node:crypto loaded on first use: a start served from the rule cache hashes nothing, and
// loading node:crypto costs a CLI start about 3 ms.
import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | undefined;

export function sha256Hex(text: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(text).digest('hex');
}
