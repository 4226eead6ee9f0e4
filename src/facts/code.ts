// The error code, mapped to its native Model Studio name. Bodies first, then printed forms.
// Generic names (InternalError, Throttling, Conflict, …) are shared with other clouds and with plain English, so a
// bare one only counts where it is printed like a code — never a word in a sentence or an HTTP reason phrase.
import { anchorGate } from './anchors.js';
import type { ErrorRecord } from './error-body.js';
import { CODE_ALIASES, DISTINCTIVE_CODES, isKnownCode, NATIVE_CODES, normalizeCode } from './known-codes.js';
import { execFrom, lookbehindLast, nextFrom } from './lookbehind-last.js';

export interface CodeFacts {
  code?: string;
  rawCode?: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Not glued to a word or to a dotted path (`foo.Throttling`), yet a leading `.` of a cut-off paste is fine.
const NATIVE_TOKEN = new RegExp(
  `(?<![\\w])(?<!\\w\\.)(${NATIVE_CODES.map(escapeRe).join('|')})(?![\\w])(?!\\.[A-Za-z])`,
  'g',
);
const ALIAS_TOKEN = new RegExp(`(?<![\\w.])(${Object.keys(CODE_ALIASES).map(escapeRe).join('|')})(?![\\w])`);
const ALGO_PREFIX = /InternalError\.Algo\.([A-Za-z]+(?:\.[A-Za-z]+)*)/;
const STATUS_NAME = /\\?["']?status_name\\?["']?\s*[:=]\s*\\?["']([A-Za-z]+)/;
const LABELLED_CODE = /\b(?:code|status)["']?\s*[:=]\s*["']?([A-Za-z][A-Za-z_.]{3,60})/;
/** A generic code printed as a code: labelled, quoted, or followed by `:`/`,`/`)`/end. */
const CODE_BEFORE = /(?:code|status|错误码|<\d{3}>)\W{0,4}$|["'`[]$/i;
const CODE_AFTER = /^(?:\s*[:：,)\]]|["'`]|\s*$)/;
const HTTP_REASON_BEFORE = /\b[45]\d\d\s+$/;

// Gates (anchors.ts): a form whose literals are not in the text is not run.
const ALGO_GATE = anchorGate(ALGO_PREFIX);
const NATIVE_GATE = anchorGate(NATIVE_TOKEN);
const ALIAS_GATE = anchorGate(ALIAS_TOKEN);
const LABELLED_GATE = anchorGate(LABELLED_CODE);
// The code tokens open with look-behinds: run without them, checked where a code matched (lookbehind-last.ts).
const NATIVE_SPLIT = lookbehindLast(NATIVE_TOKEN);
const ALIAS_SPLIT = lookbehindLast(ALIAS_TOKEN);

function fromAlgoPrefix(text: string): string | undefined {
  if (!ALGO_GATE(text)) return undefined;
  const m = ALGO_PREFIX.exec(text);
  if (!m?.[1]) return undefined;
  // `<5000202> …ModelServingError…` wraps the serving layer's answer; its status_name is the real code.
  if (m[1].startsWith('ModelServingError')) return STATUS_NAME.exec(text)?.[1] ?? 'InternalError.Algo';
  return m[1].split('.')[0];
}

function finish(raw: string): CodeFacts {
  const code = normalizeCode(raw);
  return code === raw ? { code } : { code, rawCode: raw };
}

function printedAsCode(text: string, index: number, token: string): boolean {
  if (DISTINCTIVE_CODES.has(token)) return true;
  const before = text.slice(Math.max(0, index - 12), index);
  const after = text.slice(index + token.length, index + token.length + 3);
  if (HTTP_REASON_BEFORE.test(before) && token === 'Conflict') return false;
  return CODE_BEFORE.test(before) || CODE_AFTER.test(after);
}

function bareNativeCode(text: string): string | undefined {
  if (!NATIVE_GATE(text)) return undefined;
  for (let m = execFrom(NATIVE_SPLIT, text, 0); m; m = execFrom(NATIVE_SPLIT, text, nextFrom(m))) {
    if (printedAsCode(text, m.index, m[1]!)) return m[1];
  }
  return undefined;
}

export function extractCode(text: string, records: ErrorRecord[]): CodeFacts {
  const algo = fromAlgoPrefix(text);
  if (algo) return { code: algo, rawCode: ALGO_PREFIX.exec(text)![0] };
  const bodyCode = records.find((r) => r.code && !/^\d+$/.test(r.code) && r.code !== 'unknown')?.code;
  if (bodyCode) return finish(bodyCode);
  const native = bareNativeCode(text);
  if (native) return finish(native);
  const alias = ALIAS_GATE(text) ? execFrom(ALIAS_SPLIT, text, 0)?.[1] : undefined;
  if (alias) return finish(alias);
  const labelled = LABELLED_GATE(text) ? LABELLED_CODE.exec(text)?.[1] : undefined;
  if (labelled && /[A-Z]/.test(labelled) && isKnownCode(normalizeCode(labelled))) return finish(labelled);
  return {};
}
