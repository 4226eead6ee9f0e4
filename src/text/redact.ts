// Secrets leave the text before any extractor, rule, renderer or log sees it. The shapes are in
// text/secret-patterns.ts; they are matched over a decoded view of the text (text/decoded-view.ts), so a key
// behind `\n`, `%3D`, `\u0022` or a zero-width space is found, and only the key is replaced in the text.
//
// Each pattern runs only when the text holds one of its anchors (secret-patterns.ts: the strings every match of it
// holds), looked for (secret-anchors.ts) in the text as it stands before that pattern — earlier patterns' replacements
// included, since a later one may anchor on them (`LTAI[REDACTED]`). A text with escapes gets its decoded text
// looked at first, and the view (positions and all) is built only when some pattern matches that.
import { decodedText, decodedView, needsView, renderView, replaceInView } from './decoded-view.js';
import { anchorsIn, mayMatch } from './secret-anchors.js';
import { PATTERNS, type SecretPattern } from './secret-patterns.js';

/**
 * Whether some pattern matches `text` (the decoded text) at all. When none does, no replacement happens, so no
 * later pattern can match a replacement either: the view is not needed.
 */
function anyMatches(text: string): boolean {
  const seen = anchorsIn(text);
  return PATTERNS.some((p, i) => {
    if (!mayMatch(i, seen)) return false;
    p.pattern.lastIndex = 0;
    const hit = p.pattern.test(text);
    p.pattern.lastIndex = 0;
    return hit;
  });
}

export interface SecretFinding {
  kind: string;
}

export interface Redaction {
  text: string;
  findings: SecretFinding[];
}

/** What a match of `p` becomes (undefined: kept), its kind counted in `findings` when it is replaced. */
function replacer(p: SecretPattern, findings: SecretFinding[]) {
  return (m: RegExpExecArray): string | undefined => {
    const replaced = p.replace(m[0], ...(m.slice(1) as string[]));
    if (replaced !== undefined) findings.push({ kind: p.kind });
    return replaced;
  };
}

/** Replace every secret in `text`; report only the kinds found, never the values. */
export function redact(text: string): Redaction {
  const source = String(text ?? '');
  const findings: SecretFinding[] = [];
  if (!needsView(source)) {
    // The common case: no escape and no invisible character, so the view would be the text itself.
    let out = source;
    let seen = anchorsIn(source);
    for (const [i, p] of PATTERNS.entries()) {
      if (!mayMatch(i, seen)) continue;
      const before = out;
      out = replaceMatches(out, p.pattern, replacer(p, findings));
      if (out !== before) seen = anchorsIn(out);
    }
    return { text: out, findings };
  }
  if (!anyMatches(decodedText(source))) return { text: source, findings };
  let view = decodedView(source);
  let seen = anchorsIn(view.text);
  for (const [i, p] of PATTERNS.entries()) {
    if (!mayMatch(i, seen)) continue;
    const before = view;
    view = replaceInView(view, p.pattern, replacer(p, findings));
    if (view !== before) seen = anchorsIn(view.text);
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
