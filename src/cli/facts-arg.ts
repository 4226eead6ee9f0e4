// `--fact key=value` parsing, from the fact catalogue: known fact names only, whole numbers for numeric facts,
// comma lists for list facts, and only the allowed values for facts with a vocabulary (keyKind, region, plan…).
// A usage error names the argument by position and never repeats a value: a key pasted into --fact must not reach
// the terminal.

import { UsageError } from '../errors.js';
import { FACT_CATALOG, FACT_NAMES, type FactValue, factValues, isFactName } from '../index.js';

function parseValue(name: keyof typeof FACT_CATALOG, value: string): FactValue {
  const spec = FACT_CATALOG[name];
  if (spec.type === 'integer') {
    if (!/^\d+$/.test(value)) throw new UsageError(`--fact ${name} must be a whole number`);
    return Number(value);
  }
  if (spec.type === 'boolean') {
    if (value !== 'true' && value !== 'false') throw new UsageError(`--fact ${name} must be true or false`);
    return value === 'true';
  }
  if (spec.type === 'list')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const allowed = factValues(name);
  if (allowed && !allowed.includes(value)) throw new UsageError(`--fact ${name} must be one of ${allowed.join(', ')}`);
  return value;
}

export function parseFactArgs(args: string[]): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  for (const [i, arg] of args.entries()) {
    const which = `--fact number ${i + 1}`;
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new UsageError(`${which} is not key=value (e.g. --fact model=qwen-plus)`);
    const key = arg.slice(0, eq);
    if (key === 'text' || !isFactName(key)) {
      throw new UsageError(
        `${which} names an unknown fact; known facts: ${FACT_NAMES.filter((f) => f !== 'text').join(', ')}`,
      );
    }
    facts[key] = parseValue(key, arg.slice(eq + 1));
  }
  return facts;
}
