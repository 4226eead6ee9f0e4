// Nothing reaches a row unredacted: every string of a value is passed through the redactor before it is written,
// even when it came out of diagnose() (already redacted) — a second pass costs little and guards every path.
import { redact } from '../text/redact.js';
import type { AnswerFacts, DiagnoseResult } from '../types.js';

export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value).text as T;
  if (Array.isArray(value)) return value.map(redactDeep) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  return value;
}

/** The result as stored for the buttons: no pasted text (`facts.text` only exists on request), all redacted. */
export function storableResult(result: DiagnoseResult): DiagnoseResult {
  const { text: _text, ...facts } = result.facts;
  return redactDeep({ ...result, facts: facts as AnswerFacts });
}
