// The error code, mapped to its native Model Studio name. Bodies first, then printed forms.
import type { ErrorRecord } from './error-body.js';
import { CODE_ALIASES, NATIVE_CODES, normalizeCode } from './known-codes.js';

export interface CodeFacts {
  code?: string;
  rawCode?: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NATIVE_TOKEN = new RegExp(`(?<![\\w.])(${NATIVE_CODES.map(escapeRe).join('|')})(?![\\w])(?!\\.[A-Za-z])`);
const ALIAS_TOKEN = new RegExp(`(?<![\\w.])(${Object.keys(CODE_ALIASES).map(escapeRe).join('|')})(?![\\w])`);
const ALGO_PREFIX = /InternalError\.Algo\.([A-Za-z]+(?:\.[A-Za-z]+)*)/;
const STATUS_NAME = /["']?status_name["']?\s*[:=]\s*["']([A-Za-z]+)["']/;
const LABELLED_CODE = /\b(?:code|status)["']?\s*[:=]\s*["']?([A-Za-z][A-Za-z_.]{3,60})/;

function fromAlgoPrefix(text: string): string | undefined {
  const m = ALGO_PREFIX.exec(text);
  if (!m?.[1]) return undefined;
  if (m[1].startsWith('ModelServingError')) return STATUS_NAME.exec(text)?.[1] ?? 'InternalError.Algo';
  return m[1].split('.')[0];
}

function finish(raw: string): CodeFacts {
  const code = normalizeCode(raw);
  return code === raw ? { code } : { code, rawCode: raw };
}

export function extractCode(text: string, records: ErrorRecord[]): CodeFacts {
  const algo = fromAlgoPrefix(text);
  if (algo) return { code: algo, rawCode: ALGO_PREFIX.exec(text)![0] };
  const bodyCode = records.find((r) => r.code && !/^\d+$/.test(r.code) && r.code !== 'unknown')?.code;
  if (bodyCode) return finish(bodyCode);
  const native = NATIVE_TOKEN.exec(text)?.[1];
  if (native) return finish(native);
  const alias = ALIAS_TOKEN.exec(text)?.[1];
  if (alias) return finish(alias);
  const labelled = LABELLED_CODE.exec(text)?.[1];
  if (labelled && /[A-Z]/.test(labelled) && NATIVE_CODES.includes(normalizeCode(labelled))) return finish(labelled);
  return {};
}
