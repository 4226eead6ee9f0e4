// A key is read for two things only — its kind (from the prefix, as redaction tells it) and a length class — and
// then dropped: nothing the check returns, prints or logs can hold it.
import { keyKindOf, redact } from '../text/redact.js';
import type { KeyKindSeen, KeyLengthClass } from './types.js';

export interface KeyDescription {
  keyKind: KeyKindSeen;
  keyLength: KeyLengthClass;
}

/** Model Studio keys are `sk-` + 32 characters (`sk-sp-` keys a little longer); these bounds leave room. */
const SHORT_BELOW = 24;
const LONG_ABOVE = 80;

function lengthClass(n: number): KeyLengthClass {
  if (n === 0) return 'empty';
  if (n < SHORT_BELOW) return 'short';
  return n > LONG_ABOVE ? 'long' : 'typical';
}

export function describeKey(key: string | undefined): KeyDescription {
  const value = key?.trim() ?? '';
  if (!value) return { keyKind: 'missing', keyLength: 'empty' };
  const kind = keyKindOf(redact(value).findings);
  return { keyKind: (kind as KeyKindSeen | undefined) ?? 'unrecognised', keyLength: lengthClass(value.length) };
}

/** The kind a key prefix names (`sk-sp-`, `sk-`), for forms and requests that must never carry the key. */
export function keyKindOfPrefix(prefix: string): KeyKindSeen | undefined {
  const p = prefix.trim().toLowerCase();
  if (p === 'sk-sp-' || p === 'sk-sp') return 'coding-plan';
  if (p === 'sk-' || p === 'sk') return 'standard';
  if (p === '' || p === 'none') return 'missing';
  return undefined;
}

/** The prefixes a form may offer, with the kind each names. */
export const KEY_PREFIX_CHOICES = [
  { prefix: 'sk-sp-', kind: 'coding-plan', label: 'sk-sp-… (Coding Plan or Token Plan key)' },
  { prefix: 'sk-', kind: 'standard', label: 'sk-… (pay-as-you-go key)' },
  { prefix: 'none', kind: 'missing', label: 'no key set' },
] as const;
