// The public data contract of bailian-doctor. Every surface speaks these types.
import type { CatalogFacts } from './facts/catalog.js';

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
 * Facts extracted from the pasted text, merged with facts given explicitly (given facts win). Only `text` is
 * always present; everything else is absent when it could not be told. Declared in src/facts/catalog.ts: a
 * misspelt fact name does not compile.
 */
export type Facts = CatalogFacts;

/** The facts read by a name only known at run time (a rule's `fact:`, a template's `{{name}}`). */
export type FactMap = Readonly<Record<string, FactValue | undefined>>;

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
