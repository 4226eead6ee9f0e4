// `--fact key=value` parsing: known fact names only, numbers where the fact is numeric.

import { UsageError } from '../errors.js';
import { FACT_NAMES, type FactValue } from '../index.js';

const NUMERIC = new Set(['status', 'inputLimit', 'maxTokensLimit', 'inputTokens', 'messageCount']);
const LISTS = new Set(['models', 'headers']);

export function parseFactArgs(args: string[]): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new UsageError(`--fact expects key=value, got "${arg}"`);
    const key = arg.slice(0, eq);
    const value = arg.slice(eq + 1);
    if (key === 'text' || !(FACT_NAMES as readonly string[]).includes(key)) {
      throw new UsageError(`unknown fact "${key}"; known facts: ${FACT_NAMES.filter((f) => f !== 'text').join(', ')}`);
    }
    if (NUMERIC.has(key)) {
      if (!/^\d+$/.test(value)) throw new UsageError(`--fact ${key} must be a whole number, got "${value}"`);
      facts[key] = Number(value);
    } else if (LISTS.has(key))
      facts[key] = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else facts[key] = value;
  }
  return facts;
}
