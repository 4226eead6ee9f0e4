// Which kind of API key the text shows — from its prefix only; the key itself never leaves redaction.
import { keyKindOf, type SecretFinding } from '../text/redact.js';

// Masked or placeholder keys (`sk-sp-****`, `sk-sp-xxx`) still tell the kind, and so does the bare prefix
// when a user names it ("my sk-sp- key", "sk-sp-开头的key").
const CODING_PLAN_MENTION = /\bsk-sp-(?:[*x.]{2,}|\[REDACTED\]|xxx|(?=[\s`'"，。,)开的]|$))/i;
const STANDARD_MENTION = /\bsk-(?!sp-)(?:[*x.]{3,}|\[REDACTED\])/i;

export function extractKeyKind(text: string, findings: SecretFinding[]): string | undefined {
  const found = keyKindOf(findings);
  if (found) return found;
  if (CODING_PLAN_MENTION.test(text)) return 'coding-plan';
  if (STANDARD_MENTION.test(text)) return 'standard';
  return undefined;
}
