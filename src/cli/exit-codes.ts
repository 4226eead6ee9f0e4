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
  STORAGE_PACKAGE_MISSING: 2,
  // Discord or Slack did not answer: not a slip in the command line, but the message names the URL variable.
  UNREACHABLE: 1,
  SERVICE_REFUSED: 1,
  // A surface's optional packages are not installed; the message gives the npm command.
  MISSING_PACKAGE: 2,
};

/** The exit status for `err`, or undefined when it is not one of ours (the caller decides, or it propagates). */
export function exitStatusOf(err: unknown): number | undefined {
  if (err instanceof BailianDoctorError) return EXIT_STATUS[err.code];
  // node:util parseArgs: an unknown flag or a missing value is a usage error. Other libraries' codes are not all
  // strings (discord.js uses Discord's numeric codes), so look before calling a string method.
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return 2;
  return undefined;
}
