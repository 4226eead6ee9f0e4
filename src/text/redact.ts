// Secrets leave the text before any extractor, rule, renderer or log sees it. The shapes are in
// text/secret-patterns.ts; they are matched over a decoded view of the text (text/decoded-view.ts), so a key
// behind `\n`, `%3D`, `\u0022` or a zero-width space is found, and only the key is replaced in the text.
import { decodedView, needsView, renderView, replaceInView } from './decoded-view.js';
import { PATTERNS } from './secret-patterns.js';

export interface SecretFinding {
  kind: string;
}

export interface Redaction {
  text: string;
  findings: SecretFinding[];
}

/** Replace every secret in `text`; report only the kinds found, never the values. */
export function redact(text: string): Redaction {
  const source = String(text ?? '');
  const findings: SecretFinding[] = [];
  if (!needsView(source)) {
    // The common case: no escape and no invisible character, so the view would be the text itself.
    let out = source;
    for (const { kind, pattern, replace } of PATTERNS) {
      out = replaceMatches(out, pattern, (m) => {
        const replaced = replace(m[0], ...(m.slice(1) as string[]));
        if (replaced !== undefined) findings.push({ kind });
        return replaced;
      });
    }
    return { text: out, findings };
  }
  let view = decodedView(source);
  for (const { kind, pattern, replace } of PATTERNS) {
    view = replaceInView(view, pattern, (m) => {
      const replaced = replace(m[0], ...(m.slice(1) as string[]));
      if (replaced !== undefined) findings.push({ kind });
      return replaced;
    });
  }
  return { text: findings.length ? renderView(source, view) : source, findings };
}

/**
 * Every match of `pattern` (global) replaced by what `replace` returns. A match it keeps (`undefined`: code, a
 * placeholder) is not skipped over whole: the search goes on from its next character, so a key inside it
 * (`api_key=aws_secret_access_key = <secret>`) is still found.
 */
function replaceMatches(text: string, pattern: RegExp, replace: (m: RegExpExecArray) => string | undefined): string {
  const parts: string[] = [];
  let at = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const replaced = replace(m);
    if (replaced === undefined) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    if (m[0] === '') pattern.lastIndex++;
    parts.push(text.slice(at, m.index), replaced);
    at = m.index + m[0].length;
  }
  if (!parts.length) return text;
  parts.push(text.slice(at));
  return parts.join('');
}

/** The API-key kind implied by what redaction found (`coding-plan` wins over `standard`). */
export function keyKindOf(findings: SecretFinding[]): string | undefined {
  if (findings.some((f) => f.kind === 'coding-plan')) return 'coding-plan';
  if (findings.some((f) => f.kind === 'standard')) return 'standard';
  return undefined;
}
