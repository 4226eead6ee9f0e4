// A synchronous, compiled form of a rule's condition tree, with json-rules-engine's semantics: the same
// OPERATORS, facts read as the engine's almanac reads them, and evidence built from the same leaves that
// describeEvidence would see in the engine's result tree. test/engine/equivalence.test.ts holds the proof.
// Trees using engine features we do not mirror (path, params, priority, condition references, fact-valued
// `value`) are left to the engine itself: compileCondition returns undefined for them.
import { compiledRegex, OPERATORS } from '../knowledge/operators.js';
import type { Condition } from '../knowledge/rule.js';
import type { FactMap, Facts } from '../types.js';
import { describeLeaf } from './evidence.js';

export type FactReader = (facts: Facts) => unknown;

export interface CompiledCondition {
  test(facts: Facts): boolean;
  /** Append the evidence of a tree that passed; `not` branches give none (absence is no evidence). */
  evidence(facts: Facts, out: string[]): void;
}

/** The engine copies the facts' own enumerable keys into a Map; `constructor` or `toString` are never facts. */
export function factReader(name: string): FactReader {
  if (name in Object.prototype) return (f) => (Object.hasOwn(f, name) ? (f as FactMap)[name] : undefined);
  return (f) => (f as FactMap)[name];
}

const LEAF_KEYS = new Set(['fact', 'operator', 'value']);
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function compileLeaf(c: Record<string, unknown>): CompiledCondition | undefined {
  if (Object.keys(c).some((k) => !LEAF_KEYS.has(k))) return undefined;
  const { fact, operator, value } = c;
  if (typeof fact !== 'string' || typeof operator !== 'string' || !Object.hasOwn(OPERATORS, operator)) return undefined;
  // `{fact: …}` as a value is a fact reference in json-rules-engine.
  if (isObj(value) && Object.hasOwn(value, 'fact')) return undefined;
  const read = factReader(fact);
  let test: (facts: Facts) => boolean;
  let re: RegExp | undefined;
  if ((operator === 'matches' || operator === 'matchesCase') && typeof value === 'string') {
    // The operator's own logic with its regex looked up once, on first use (a CLI start only ever needs the
    // candidates' regexes), instead of on every call.
    const flags = operator === 'matches' ? 'i' : '';
    test = (f) => {
      const a = read(f);
      re ??= compiledRegex(value, flags);
      if (typeof a === 'string') return re.test(a);
      if (!Array.isArray(a)) return false;
      for (const x of a) if (typeof x === 'string' && re.test(x)) return true;
      return false;
    };
  } else {
    const op = OPERATORS[operator] as (a: unknown, b: unknown) => boolean;
    test = (f) => op(read(f), value) === true;
  }
  return {
    test,
    evidence(f, out) {
      const words = describeLeaf({ fact, operator, value, factResult: read(f), result: true }, re);
      if (words && !out.includes(words)) out.push(words);
    },
  };
}

function compileList(kind: 'all' | 'any', list: unknown): CompiledCondition | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const kids: CompiledCondition[] = [];
  for (const sub of list) {
    const k = compileNode(sub);
    if (!k) return undefined;
    kids.push(k);
  }
  const test =
    kind === 'all'
      ? (f: Facts) => {
          for (const k of kids) if (!k.test(f)) return false;
          return true;
        }
      : (f: Facts) => {
          for (const k of kids) if (k.test(f)) return true;
          return false;
        };
  return {
    test,
    // The engine evaluates every child of a passing all/any (one priority group), and describeEvidence
    // descends into each child that passed.
    evidence(f, out) {
      for (const k of kids) if (k.test(f)) k.evidence(f, out);
    },
  };
}

function compileNode(c: unknown): CompiledCondition | undefined {
  if (!isObj(c)) return undefined;
  const keys = Object.keys(c);
  if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any')) return compileList(keys[0], c[keys[0]]);
  if (keys.length === 1 && keys[0] === 'not') {
    const inner = compileNode(c.not);
    if (!inner) return undefined;
    return { test: (f) => !inner.test(f), evidence() {} };
  }
  if (Object.hasOwn(c, 'all') || Object.hasOwn(c, 'any') || Object.hasOwn(c, 'not')) return undefined;
  return compileLeaf(c);
}

/** Compile a rule's `when` (a bare leaf is wrapped in `all`, as buildEngine does), or undefined for the engine. */
export function compileCondition(when: Condition): CompiledCondition | undefined {
  const root: unknown = 'all' in when || 'any' in when || 'not' in when ? when : { all: [when] };
  return compileNode(root);
}
