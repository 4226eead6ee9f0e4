// Which kind of API key the text shows — from its prefix only; the key itself never leaves redaction.
import { keyKindOf, type SecretFinding } from '../text/redact.js';
import { anchorGate } from './anchors.js';

// Masked or placeholder keys (`sk-sp-****`, `sk-sp-xxx`) still tell the kind, and so does the bare prefix
// when a user names it ("my sk-sp- key", "sk-sp-开头的key").
const CODING_PLAN_MENTION = /\bsk-sp-(?:[*x.]{2,}|\[REDACTED\]|xxx|(?=[\s`'"，。,)开的]|$))/i;
const STANDARD_MENTION = /\bsk-(?!sp-)(?:[*x.]{3,}|\[REDACTED\])/i;
// Gates (anchors.ts): both need `sk-`, which most pastes do not hold.
const CODING_PLAN_GATE = anchorGate(CODING_PLAN_MENTION);
const STANDARD_GATE = anchorGate(STANDARD_MENTION);

export function extractKeyKind(text: string, findings: SecretFinding[]): string | undefined {
  const found = keyKindOf(findings);
  if (found) return found;
  if (CODING_PLAN_GATE(text) && CODING_PLAN_MENTION.test(text)) return 'coding-plan';
  if (STANDARD_GATE(text) && STANDARD_MENTION.test(text)) return 'standard';
  return undefined;
}
