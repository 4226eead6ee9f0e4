// The "Correct a fact" form: which facts it offers, and checking what a person typed before anything reads it.
// A typed value is bounded and redacted (a key pasted into the base URL field is dropped and reported, never
// kept), and closed-vocabulary facts accept only their values.
import { FACT_CATALOG, type FactName, factValues } from '../../facts/catalog.js';
import { redact } from '../../text/redact.js';
import type { AnswerFacts, FactValue } from '../../types.js';

/** The facts "What I read" shows, in the form's order. */
export const CORRECTABLE_FACTS = ['status', 'code', 'baseUrl', 'keyKind', 'model', 'client'] as const;
export type CorrectableFact = (typeof CORRECTABLE_FACTS)[number];

export const CORRECTION_LABELS: Record<CorrectableFact, string> = {
  status: 'HTTP status',
  code: 'Error code',
  baseUrl: 'Base URL you call',
  keyKind: 'Key kind (standard = sk-…, coding-plan = sk-sp-…)',
  model: 'Model',
  client: 'Client or SDK',
};

const MAX_CHARS = 300;

export interface CorrectionProblem {
  fact: string;
  message: string;
}

/** The current values, as the form's initial values. */
export function correctionDefaults(facts: AnswerFacts): Partial<Record<CorrectableFact, string>> {
  const out: Partial<Record<CorrectableFact, string>> = {};
  for (const k of CORRECTABLE_FACTS) {
    const v = (facts as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = String(v).slice(0, MAX_CHARS);
  }
  return out;
}

export function checkCorrections(values: Record<string, string | undefined>): {
  facts: Record<string, FactValue>;
  problems: CorrectionProblem[];
} {
  const facts: Record<string, FactValue> = {};
  const problems: CorrectionProblem[] = [];
  for (const name of CORRECTABLE_FACTS) {
    const raw = values[name]?.trim();
    if (!raw) continue;
    if (raw.length > MAX_CHARS) {
      problems.push({ fact: name, message: `${CORRECTION_LABELS[name]}: at most ${MAX_CHARS} characters` });
      continue;
    }
    const r = redact(raw);
    if (r.findings.length) {
      problems.push({
        fact: name,
        message: `${CORRECTION_LABELS[name]}: that looks like a key or token — never type it here; rotate it if it was real`,
      });
      continue;
    }
    const checked = checkOne(name, raw);
    if (typeof checked === 'string' && checked.startsWith('!'))
      problems.push({ fact: name, message: checked.slice(1) });
    else facts[name] = checked;
  }
  return { facts, problems };
}

/** The typed value as the fact's type, or `!problem`. */
function checkOne(name: CorrectableFact, raw: string): FactValue {
  if (FACT_CATALOG[name as FactName].type === 'integer') {
    const n = Number(raw);
    return Number.isInteger(n) && n >= 100 && n <= 599 ? n : `!${CORRECTION_LABELS[name]}: a number such as 401`;
  }
  const allowed = factValues(name as FactName);
  if (allowed && !allowed.includes(raw)) return `!${CORRECTION_LABELS[name]}: one of ${allowed.join(', ')}`;
  if (name === 'baseUrl') {
    try {
      const u = new URL(raw);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
    } catch {
      return `!${CORRECTION_LABELS[name]}: a URL such as https://dashscope-intl.aliyuncs.com/compatible-mode/v1`;
    }
  }
  return raw;
}
