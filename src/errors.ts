// One base for every error bailian-doctor raises on purpose. `code` is stable (callers and the CLI's exit table
// key on it, never on the wording); the message says what to do.

export class BailianDoctorError extends Error {
  override name = 'BailianDoctorError';
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A configuration variable (or several) is missing or malformed; the message names each. */
export class ConfigError extends BailianDoctorError {
  override name = 'ConfigError';
  constructor(
    message: string,
    /** The variables at fault, when known. */
    readonly variables: string[] = [],
  ) {
    super('CONFIG_INVALID', message);
  }
}

/** A service refused our credentials at start-up (the token is wrong or revoked). */
export class AuthRejectedError extends BailianDoctorError {
  override name = 'AuthRejectedError';
  constructor(message: string) {
    super('AUTH_REJECTED', message);
  }
}

/** The process could not listen where it was told to (port in use, no privilege, no such address). */
export class ListenError extends BailianDoctorError {
  override name = 'ListenError';
  constructor(message: string, cause?: unknown) {
    super('LISTEN_FAILED', message, { cause });
  }
}

/** A command line the CLI cannot act on. */
export class UsageError extends BailianDoctorError {
  override name = 'UsageError';
  constructor(message: string) {
    super('USAGE', message);
  }
}

/**
 * The database cannot be used: unreachable at start, or its schema is newer than this version knows
 * (`STORAGE_SCHEMA_NEWER`), or its driver is not installed (`STORAGE_PACKAGE_MISSING`). The message says what to change (DATA_DIR, DATABASE_URL, or upgrade).
 */
export class StorageError extends BailianDoctorError {
  override name = 'StorageError';
  constructor(
    code: 'STORAGE_UNAVAILABLE' | 'STORAGE_SCHEMA_NEWER' | 'STORAGE_PACKAGE_MISSING',
    message: string,
    cause?: unknown,
  ) {
    super(code, message, { cause });
  }
}
/** A service a surface talks to (Discord, Slack) could not be reached; the message names it and its URL variable. */
export class UnreachableError extends BailianDoctorError {
  override name = 'UnreachableError';
  constructor(
    message: string,
    /** The variables that point at the service, when known. */
    readonly variables: string[] = [],
    cause?: unknown,
  ) {
    super('UNREACHABLE', message, { cause });
  }
}

/** Error codes of a connection that never got an answer: refused, no such host, timed out, cut off. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * The network failure behind `err` (its own code or one in its `cause` chain, as fetch wraps them), e.g.
 * `ECONNREFUSED`, or `timeout` for an aborted request; undefined when the service answered.
 */
export function networkFailureOf(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; name?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; i++) {
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code;
    if (e.name === 'AbortError' || e.name === 'TimeoutError') return 'timeout';
    e = e.cause as typeof e;
  }
  return undefined;
}
