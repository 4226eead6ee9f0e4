// The pre-flight check's contract: a configuration in (never a key: only its kind and length class), findings out.
// `bailian-doctor check --json` and `POST /v1/check` answer exactly CheckResult.
import type { ClientProtocol } from '../config/check.js';

export type { ClientProtocol };

/** `error`: the configuration cannot work; `warning`: it may not; `info`: worth knowing, not a problem. */
export type FindingSeverity = 'error' | 'warning' | 'info';

export interface CheckFinding {
  /** Stable: a check's own id (`base-url.no-scheme`) or the id of the diagnosis rule that fired. */
  id: string;
  severity: FindingSeverity;
  /** What is wrong. */
  message: string;
  /** What to change. */
  fix: string;
}

/** What a key is, as far as the check may know it: the prefix decides the kind; the value is never kept. */
export type KeyKindSeen = 'standard' | 'coding-plan' | 'unrecognised' | 'missing';
export type KeyLengthClass = 'empty' | 'short' | 'typical' | 'long';

export interface CheckInput {
  baseUrl?: string;
  model?: string;
  client?: ClientProtocol;
  /** From the key's prefix (`sk-sp-` → coding-plan); absent when the key was not part of the check. */
  keyKind?: KeyKindSeen;
  keyLength?: KeyLengthClass;
  /** The region of the console the key was created in, when the user knows it. */
  keyRegion?: string;
  /** Where each value came from (a flag or a variable name), to name it in the answer. */
  sources?: Partial<Record<'baseUrl' | 'model' | 'key' | 'client', string>>;
}

/** The configuration as checked: everything but the key, plus what the base URL implies. */
export interface CheckedConfig {
  baseUrl?: string;
  host?: string;
  region?: string;
  plan?: string;
  apiPath?: string;
  client: ClientProtocol;
  /** Was the client given, or told from the base URL path? */
  clientFrom: 'given' | 'path' | 'default';
  model?: string;
  keyKind?: KeyKindSeen;
  keyLength?: KeyLengthClass;
  keyRegion?: string;
  sources?: CheckInput['sources'];
}

export interface CheckResult {
  /** No error and no warning. */
  ok: boolean;
  config: CheckedConfig;
  findings: CheckFinding[];
}
