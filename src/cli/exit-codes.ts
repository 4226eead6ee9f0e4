// Exit statuses, in one table keyed by the stable error code (src/errors.ts), never by the wording.
//   0  diagnosed (or the command did its job)
//   1  nothing matched with confidence (diagnose), or a failure that is not the operator's to fix
//   2  a usage, input or configuration problem the operator can fix: the message says how
import { BailianDoctorError } from '../errors.js';

const EXIT_STATUS: Record<string, number> = {
  USAGE: 2,
  CONFIG_INVALID: 2,
  RULES_INVALID: 2,
  AUTH_REJECTED: 2,
  LISTEN_FAILED: 2,
  STORAGE_UNAVAILABLE: 2,
  STORAGE_SCHEMA_NEWER: 2,
};

/** The exit status for `err`, or undefined when it is not one of ours (the caller decides, or it propagates). */
export function exitStatusOf(err: unknown): number | undefined {
  if (err instanceof BailianDoctorError) return EXIT_STATUS[err.code];
  // node:util parseArgs: an unknown flag or a missing value is a usage error.
  if ((err as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS')) return 2;
  return undefined;
}
