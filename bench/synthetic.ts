// Synthetic knowledge bases for the benchmark, grown from the shapes of the real rules: the shipped rules plus
// copies of them whose regex literals, string values and examples are enciphered per copy (a letter permutation
// and a shift within the Han block), so every copy has distinct literals but the same operators, tree shapes
// and regex structure as the rule it came from. String values are enciphered too (`provider: model_studio`
// included): a copy keyed only on them would otherwise be a duplicate of its original, matching the same pastes,
// which a real knowledge base of distinct problems does not hold. Numbers (HTTP statuses) are kept.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Condition, Rule, RuleExample } from '../src/knowledge/rule.js';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Cipher {
  char(ch: string): string;
  text(s: string): string;
  regex(pattern: string): string;
}

export function makeCipher(copy: number): Cipher {
  const rand = mulberry32(copy * 2654435761);
  const letters = [...'abcdefghijklmnopqrstuvwxyz'];
  for (let i = letters.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [letters[i], letters[j]] = [letters[j] as string, letters[i] as string];
  }
  const char = (ch: string): string => {
    const c = ch.charCodeAt(0);
    if (c >= 97 && c <= 122) return letters[c - 97] as string;
    if (c >= 65 && c <= 90) return (letters[c - 65] as string).toUpperCase();
    if (c >= 0x4e00 && c <= 0x9fff) return String.fromCharCode(0x4e00 + ((c - 0x4e00 + copy * 7919) % 0x5200));
    return ch;
  };
  const text = (s: string) => [...s].map(char).join('');
  // Encipher only literal characters: escapes, classes, group prefixes and quantifiers keep their meaning.
  const regex = (p: string): string => {
    let out = '';
    for (let i = 0; i < p.length; i++) {
      const c = p[i] as string;
      if (c === '\\') {
        const m = /^\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|c[A-Za-z]|k<[^>]*>|.)/s.exec(p.slice(i));
        const esc = m?.[0] ?? c;
        out += esc;
        i += esc.length - 1;
      } else if (c === '[') {
        let j = i + 1;
        while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
        out += p.slice(i, j + 1);
        i = j;
      } else if (c === '(' && p[i + 1] === '?') {
        const m = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(p.slice(i));
        const head = m?.[0] ?? '(?';
        out += head;
        i += head.length - 1;
      } else out += char(c);
    }
    return out;
  };
  return { char, text, regex };
}

function encipherCondition(c: Condition, cipher: Cipher): Condition {
  if ('all' in c) return { all: c.all.map((s) => encipherCondition(s, cipher)) };
  if ('any' in c) return { any: c.any.map((s) => encipherCondition(s, cipher)) };
  if ('not' in c) return { not: encipherCondition(c.not, cipher) };
  const { fact, operator, value } = c;
  if (operator === 'matches' || operator === 'matchesCase')
    return { fact, operator, value: typeof value === 'string' ? cipher.regex(value) : value };
  const enc = (v: unknown) => (typeof v === 'string' ? cipher.text(v) : v);
  return { fact, operator, value: Array.isArray(value) ? value.map(enc) : enc(value) };
}

const encipherExample = (e: RuleExample, cipher: Cipher): RuleExample => ({ ...e, text: cipher.text(e.text) });

/** The shipped rules plus enciphered copies of them, `total` rules in all. */
export function syntheticRules(base: readonly Rule[], total: number): Rule[] {
  const out = [...base];
  for (let copy = 1; out.length < total; copy++) {
    const cipher = makeCipher(copy);
    for (const rule of base) {
      if (out.length >= total) break;
      const id = `${rule.id}-s${copy}`;
      out.push({
        ...rule,
        id,
        file: `${id.replace('.', '/')}.yaml`,
        code: rule.code && cipher.text(rule.code),
        codes: rule.codes.map(cipher.text),
        when: encipherCondition(rule.when, cipher),
        examples: {
          match: rule.examples.match.map((e) => encipherExample(e, cipher)),
          not: rule.examples.not.map((e) => encipherExample(e, cipher)),
        },
      });
    }
  }
  return out;
}

/** Write `rules` as a rule folder (one YAML file per rule, in its category's folder), for load-time figures. */
export function writeRuleFolder(rules: readonly Rule[], dir: string): void {
  for (const rule of rules) {
    const [category, name] = rule.id.split('.') as [string, string];
    mkdirSync(join(dir, category), { recursive: true });
    // `file` and `snippets` are what the loader derived (texts come already expanded), not fields of a rule file.
    const { file: _file, snippets: _snippets, examples, ...doc } = rule;
    const plainExamples = {
      match: examples.match.map((e) => (e.facts || e.first !== undefined ? e : e.text)),
      not: examples.not.map((e) => (e.facts ? e : e.text)),
    };
    writeFileSync(join(dir, category, `${name}.yaml`), stringify({ ...doc, examples: plainExamples }));
  }
}
