// Facts given explicitly (HTTP `facts`, CLI `--fact`, library `facts`): bounded and redacted before anything sees
// them, like the text. Lists (`models`, `headers`) are redacted item by item; names are redacted too, since a
// caller can put anything in a key.
import { redact, type SecretFinding } from '../text/redact.js';
import type { FactValue } from '../types.js';

/** At most this many given facts; the rest are dropped. */
const MAX_GIVEN_FACTS = 64;
/** Characters of one given string (a fact value or a list item). */
const MAX_GIVEN_CHARS = 2048;
/** Items of one given list. */
const MAX_GIVEN_ITEMS = 100;
const MAX_NAME_CHARS = 64;

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s);

export interface GivenFacts {
  facts: Record<string, FactValue>;
  findings: SecretFinding[];
}

export function boundGivenFacts(given: unknown): GivenFacts {
  const facts: Record<string, FactValue> = {};
  const findings: SecretFinding[] = [];
  const clean = (s: string, max: number) => {
    const r = redact(clip(s, max * 2));
    findings.push(...r.findings);
    return clip(r.text, max);
  };
  if (!given || typeof given !== 'object' || Array.isArray(given)) return { facts, findings };
  let n = 0;
  for (const [rawName, v] of Object.entries(given as Record<string, unknown>)) {
    if (n++ >= MAX_GIVEN_FACTS) break;
    const name = clean(rawName, MAX_NAME_CHARS);
    if (typeof v === 'string') facts[name] = clean(v, MAX_GIVEN_CHARS);
    else if (typeof v === 'number' || typeof v === 'boolean') facts[name] = v;
    else if (Array.isArray(v))
      facts[name] = v
        .slice(0, MAX_GIVEN_ITEMS)
        .filter((x): x is string => typeof x === 'string')
        .map((x) => clean(x, MAX_GIVEN_CHARS));
  }
  return { facts, findings };
}
