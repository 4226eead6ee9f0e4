// `--fact key=value` parsing: known fact names only, numbers where the fact is numeric. A usage error names the
// argument by position and never repeats what was given: a key pasted into --fact must not reach the terminal.
import { FACT_NAMES } from '../facts/index.js';
import type { FactValue } from '../types.js';
import { UsageError } from './errors.js';

const NUMERIC = new Set(['status', 'inputLimit', 'maxTokensLimit', 'inputTokens', 'messageCount']);
const LISTS = new Set(['models', 'headers']);

export function parseFactArgs(args: string[]): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  for (const [i, arg] of args.entries()) {
    const which = `--fact number ${i + 1}`;
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new UsageError(`${which} is not key=value (e.g. --fact model=qwen-plus)`);
    const key = arg.slice(0, eq);
    const value = arg.slice(eq + 1);
    if (key === 'text' || !(FACT_NAMES as readonly string[]).includes(key)) {
      throw new UsageError(
        `${which} names an unknown fact; known facts: ${FACT_NAMES.filter((f) => f !== 'text').join(', ')}`,
      );
    }
    if (NUMERIC.has(key)) {
      if (!/^\d+$/.test(value)) throw new UsageError(`--fact ${key} must be a whole number`);
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
