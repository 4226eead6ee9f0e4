// The public data contract of bailian-doctor. Every surface speaks these types.

export const CATEGORIES = [
  'auth',
  'rate_limit',
  'request_validation',
  'server_side',
  'billing',
  'content_safety',
  'other',
  'not_model_studio',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A fact value as rules see it. Arrays hold strings (e.g. `headers`, `models`). */
export type FactValue = string | number | boolean | string[];

/**
 * Facts extracted from the pasted text, merged with facts given explicitly (given facts win).
 * Only `text` is always present; everything else is absent when it could not be told.
 */
export interface Facts {
  /** The redacted, size-bounded text. */
  text: string;
  status?: number;
  /** Native DashScope code (aliases mapped: `invalid_api_key` -> `InvalidApiKey`). */
  code?: string;
  /** The code exactly as it appeared, when it differs from `code`. */
  rawCode?: string;
  message?: string;
  requestId?: string;
  errorType?: string;
  /** Shape of the error body: `dashscope`, `openai`, `java-sdk`, `anthropic`, `algo-prefix`, `sse`. */
  bodyShape?: string;
  baseUrl?: string;
  host?: string;
  region?: string;
  plan?: string;
  apiPath?: string;
  keyKind?: string;
  model?: string;
  models?: string[];
  client?: string;
  headers?: string[];
  docAnchor?: string;
  /** `model_studio` when the text carries Model Studio fingerprints, otherwise the other provider's name. */
  provider?: string;
  /** Another provider seen in the text even when Model Studio is also present. */
  foreignProvider?: string;
  providerEvidence?: string;
  [key: string]: FactValue | undefined;
}

export interface DiagnoseInput {
  text: string;
  /** Facts known from configuration (`baseUrl`, `model`, `keyKind`, …). They win over extracted ones. */
  facts?: Record<string, FactValue>;
}

export interface Verification {
  /** What to do and what a good result looks like. */
  say: string;
  /** A command to run; the key is always `$DASHSCOPE_API_KEY`, never a literal. */
  run: string;
}

export interface Diagnosis {
  id: string;
  category: Category;
  code: string | null;
  title: string;
  severity: Severity;
  confidence: number;
  cause: string;
  fix: string[];
  verify: Verification[];
  evidence: string[];
  docs: string[];
}

/**
 * The facts of an answer. `text` is there only when asked for (`echo`): a credential of a shape redaction does
 * not know would otherwise come back in it.
 */
export type AnswerFacts = Omit<Facts, 'text'> & { text?: string };

export interface DiagnoseResult {
  /** True only when the first diagnosis is confident enough for a bot to speak unprompted. */
  matched: boolean;
  facts: AnswerFacts;
  diagnoses: Diagnosis[];
  secretsFound: boolean;
}
