// Validates one parsed rule document. Problems name the field path so the loader can map it to a line.

import { FACT_NAMES } from '../facts/index.js';
import { redact } from '../text/redact.js';
import { CATEGORIES, SEVERITIES } from '../types.js';
import { OPERATOR_NAMES, REGEX_OPERATORS } from './operators.js';
import { checkRegexSafety } from './regex-safety.js';
import type { Condition, Rule, RuleExample } from './rule.js';
import { TEMPLATE_VARS } from './template-vars.js';

export type FieldPath = (string | number)[];
export interface FieldProblem {
  path: FieldPath;
  message: string;
}

export const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'id',
  'title',
  'category',
  'severity',
  'priority',
  'confidence',
  'code',
  'codes',
  'when',
  'cause',
  'fix',
  'verify',
  'docs',
  'examples',
]);

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

function checkCondition(c: unknown, path: FieldPath, out: FieldProblem[], depth = 0): void {
  if (depth > 12) return void out.push({ path, message: 'condition nested too deeply (max 12)' });
  if (!isObj(c))
    return void out.push({ path, message: 'must be a condition: {all}, {any}, {not} or {fact, operator, value}' });
  if ('all' in c || 'any' in c) {
    const key = 'all' in c ? 'all' : 'any';
    const list = c[key];
    if (!Array.isArray(list) || list.length === 0)
      return void out.push({ path: [...path, key], message: 'must be a non-empty list of conditions' });
    for (const [i, sub] of list.entries()) checkCondition(sub, [...path, key, i], out, depth + 1);
    return;
  }
  if ('not' in c) {
    checkCondition(c.not, [...path, 'not'], out, depth + 1);
    return;
  }
  if (!nonEmpty(c.fact)) out.push({ path: [...path, 'fact'], message: 'must name a fact' });
  if (!nonEmpty(c.operator) || !OPERATOR_NAMES.includes(c.operator)) {
    out.push({
      path: [...path, 'operator'],
      message: `unknown operator ${JSON.stringify(c.operator)}; use one of ${OPERATOR_NAMES.join(', ')}`,
    });
  }
  if (!('value' in c)) out.push({ path: [...path, 'value'], message: 'is required' });
  if (typeof c.operator === 'string' && REGEX_OPERATORS.has(c.operator)) {
    if (typeof c.value !== 'string')
      return void out.push({ path: [...path, 'value'], message: 'a regex operator needs a string pattern' });
    try {
      new RegExp(c.value, 'i');
    } catch (err) {
      return void out.push({ path: [...path, 'value'], message: `regex does not compile: ${(err as Error).message}` });
    }
    const unsafe = checkRegexSafety(c.value, c.operator === 'matchesCase' ? '' : 'i');
    if (unsafe)
      out.push({ path: [...path, 'value'], message: `regex is unsafe (catastrophic backtracking): ${unsafe}` });
  }
}

const EXAMPLE_KEYS = new Set(['text', 'facts', 'first', 'expect']);
const EXPECT_KEYS = new Set(['contains', 'notContains']);
const isTextList = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(nonEmpty);

function checkExpect(e: unknown, kind: string, path: FieldPath, out: FieldProblem[]): void {
  if (kind !== 'match') return void out.push({ path, message: 'only a match example has an answer to check' });
  if (!isObj(e) || Object.keys(e).length === 0)
    return void out.push({ path, message: 'must be {contains?: [text…], notContains?: [text…]}' });
  for (const [key, v] of Object.entries(e)) {
    if (!EXPECT_KEYS.has(key))
      out.push({ path: [...path, key], message: 'unknown field; use contains or notContains' });
    else if (!isTextList(v)) out.push({ path: [...path, key], message: 'must be a non-empty list of texts' });
  }
}

// Any DashScope key shape (`sk-`, `sk-sp-`, `sk-proj-`…) or any credential redaction knows.
const LITERAL_KEY = /(?<![A-Za-z0-9])sk-(?:sp-|proj-|ant-)?[A-Za-z0-9_-]{6,}/;
const holdsLiteralKey = (s: string) => LITERAL_KEY.test(s) || redact(s).findings.length > 0;

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PLACEHOLDER_NAMES = new Set<string>([...TEMPLATE_VARS, ...FACT_NAMES.filter((f) => f !== 'text')]);

/** Every `{{name}}` in the answer texts names a fact or a derived variable — and never `text`, the paste itself. */
function checkPlaceholders(doc: Record<string, unknown>, out: FieldProblem[]): void {
  const texts: Array<[FieldPath, unknown]> = [
    [['title'], doc.title],
    [['cause'], doc.cause],
    ...(Array.isArray(doc.fix) ? doc.fix.map((f, i): [FieldPath, unknown] => [['fix', i], f]) : []),
    ...(Array.isArray(doc.verify)
      ? doc.verify.flatMap(
          (v, i): Array<[FieldPath, unknown]> =>
            isObj(v)
              ? [
                  [['verify', i, 'say'], v.say],
                  [['verify', i, 'run'], v.run],
                ]
              : [],
        )
      : []),
  ];
  for (const [path, text] of texts) {
    if (typeof text !== 'string' || !text.includes('{{')) continue;
    for (const m of text.matchAll(PLACEHOLDER)) {
      const name = (m[1] ?? '').trim();
      // `{{> name}}` is a snippet include, checked (and expanded) by the loader, not a placeholder.
      if (name.startsWith('>')) continue;
      if (!PLACEHOLDER_NAMES.has(name))
        out.push({
          path,
          message:
            name === 'text'
              ? '{{text}} would put the pasted text (and any secret in it) into the answer; name a fact instead'
              : `unknown placeholder {{${name}}}; use a fact or one of ${TEMPLATE_VARS.join(', ')}`,
        });
    }
  }
}

function checkExamples(v: unknown, path: FieldPath, out: FieldProblem[]): RuleExample[] {
  if (!Array.isArray(v) || v.length === 0) {
    out.push({ path, message: 'must be a non-empty list of example texts' });
    return [];
  }
  const kind = String(path[path.length - 1]);
  return v.flatMap((e, i) => {
    if (nonEmpty(e)) return [{ text: e }];
    if (isObj(e) && nonEmpty(e.text) && (e.facts === undefined || isObj(e.facts))) {
      const before = out.length;
      for (const key of Object.keys(e))
        if (!EXAMPLE_KEYS.has(key)) out.push({ path: [...path, i, key], message: 'unknown field (typo?)' });
      if (e.expect !== undefined) checkExpect(e.expect, kind, [...path, i, 'expect'], out);
      return out.length === before ? [e as unknown as RuleExample] : [];
    }
    out.push({ path: [...path, i], message: 'must be a text, or {text, facts?, first?, expect?}' });
    return [];
  });
}

/** Validate `doc`; returns the typed rule (with defaults) or the list of problems. */
export function validateRule(doc: unknown, file: string): { rule?: Rule; problems: FieldProblem[] } {
  const out: FieldProblem[] = [];
  if (!isObj(doc)) return { problems: [{ path: [], message: 'a rule file must hold one YAML mapping' }] };
  for (const key of Object.keys(doc))
    if (!KNOWN_KEYS.has(key)) out.push({ path: [key], message: 'unknown field (typo?)' });
  for (const key of ['id', 'title', 'cause'] as const)
    if (!nonEmpty(doc[key])) out.push({ path: [key], message: 'is required and must be a non-empty string' });
  if (nonEmpty(doc.id) && !/^[a-z_]+\.[a-z0-9-]+$/.test(doc.id))
    out.push({ path: ['id'], message: 'must look like <category-folder>.<file-name>, e.g. auth.invalid-api-key' });
  if (!CATEGORIES.includes(doc.category as never))
    out.push({ path: ['category'], message: `must be one of ${CATEGORIES.join(', ')}` });
  if (!SEVERITIES.includes(doc.severity as never))
    out.push({ path: ['severity'], message: `must be one of ${SEVERITIES.join(', ')}` });
  const priority = doc.priority ?? 50;
  if (typeof priority !== 'number' || priority < 0 || priority > 100)
    out.push({ path: ['priority'], message: 'must be a number from 0 to 100' });
  const confidence = doc.confidence ?? 0.8;
  if (typeof confidence !== 'number' || confidence < 0 || confidence > 1)
    out.push({ path: ['confidence'], message: 'must be a number from 0 to 1' });
  if (doc.code !== null && doc.code !== undefined && !nonEmpty(doc.code))
    out.push({ path: ['code'], message: 'must be a native code string or null' });
  const codes = doc.codes ?? [];
  if (!Array.isArray(codes) || !codes.every(nonEmpty))
    out.push({ path: ['codes'], message: 'must be a list of native code strings' });
  if (!('when' in doc)) out.push({ path: ['when'], message: 'is required: the condition tree that decides a match' });
  else checkCondition(doc.when, ['when'], out);
  if (!Array.isArray(doc.fix) || doc.fix.length === 0 || !doc.fix.every(nonEmpty))
    out.push({ path: ['fix'], message: 'must be a non-empty list of steps (strings)' });
  if (!Array.isArray(doc.verify) || doc.verify.length === 0)
    out.push({ path: ['verify'], message: 'must be a non-empty list of {say, run}' });
  else
    doc.verify.forEach((v, i) => {
      if (!isObj(v) || !nonEmpty(v.say) || typeof v.run !== 'string')
        out.push({ path: ['verify', i], message: 'must be {say: string, run: string}' });
      else
        for (const field of ['run', 'say'] as const)
          if (holdsLiteralKey(v[field] as string))
            out.push({ path: ['verify', i, field], message: 'must not hold a literal key; use $DASHSCOPE_API_KEY' });
    });
  checkPlaceholders(doc, out);
  const docs = doc.docs ?? [];
  if (!Array.isArray(docs) || !docs.every((d) => nonEmpty(d) && /^https:\/\//.test(d)))
    out.push({ path: ['docs'], message: 'must be a list of https:// links' });
  let examples: Rule['examples'] = { match: [], not: [] };
  if (!isObj(doc.examples)) out.push({ path: ['examples'], message: 'is required: {match: [...], not: [...]}' });
  else
    examples = {
      match: checkExamples(doc.examples.match, ['examples', 'match'], out),
      not: checkExamples(doc.examples.not, ['examples', 'not'], out),
    };
  if (out.length) return { problems: out };
  const codeList = (codes as string[]).slice();
  const code = (doc.code as string | null | undefined) ?? null;
  if (code && !codeList.includes(code)) codeList.unshift(code);
  return {
    problems: [],
    rule: {
      id: doc.id as string,
      title: doc.title as string,
      category: doc.category as Rule['category'],
      severity: doc.severity as Rule['severity'],
      priority: priority as number,
      confidence: confidence as number,
      code,
      codes: codeList,
      when: doc.when as Condition,
      cause: (doc.cause as string).trim(),
      fix: (doc.fix as string[]).map((s) => s.trim()),
      verify: doc.verify as Rule['verify'],
      docs: docs as string[],
      examples,
      file,
    },
  };
}
