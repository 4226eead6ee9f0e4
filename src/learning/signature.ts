// The facts an answer and a gap are counted by: code, status, host, region, plan, model, client — never text.
import { redact } from '../text/redact.js';
import type { AnswerFacts, FactValue } from '../types.js';

const SIGNATURE_FACTS = ['code', 'status', 'host', 'region', 'plan', 'model', 'client'] as const;
export type Signature = Partial<Record<(typeof SIGNATURE_FACTS)[number], FactValue>>;

export function signatureOf(facts: AnswerFacts): Signature {
  const out: Signature = {};
  const all = facts as Record<string, FactValue | undefined>;
  for (const name of SIGNATURE_FACTS) {
    const v = all[name];
    if (v === undefined) continue;
    // A model or host name is no place for a key, but the row must not hold one even if it were.
    out[name] = typeof v === 'string' ? redact(v).text : v;
  }
  return out;
}

/** The facts two signatures share (same name, same value). */
export function sharedFacts(a: Signature, b: Signature): Signature {
  const out: Signature = {};
  for (const [k, v] of Object.entries(a) as [keyof Signature, FactValue][])
    if (JSON.stringify(b[k]) === JSON.stringify(v)) out[k] = v;
  return out;
}
