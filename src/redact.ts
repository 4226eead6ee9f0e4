// Secrets leave the text before any extractor, rule, renderer or log sees it. The shapes are in
// text/secret-patterns.ts; they are matched over a decoded view of the text (text/decoded-view.ts), so a key
// behind `\n`, `%3D`, `\u0022` or a zero-width space is found, and only the key is replaced in the text.
import { decodedView, needsView, renderView, replaceInView } from './text/decoded-view.js';
import { PATTERNS } from './text/secret-patterns.js';

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
      out = out.replace(pattern, (...args: unknown[]) => {
        const match = args[0] as string;
        // Callback arguments: the match, each capture group, then offset and the whole string.
        const replaced = replace(match, ...(args.slice(1, -2) as string[]));
        if (replaced === undefined) return match;
        findings.push({ kind });
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

/** Redact every string of a list (a fact such as `models` or `headers`). */
export function redactList(values: readonly string[]): Redaction & { values: string[] } {
  const findings: SecretFinding[] = [];
  const out = values.map((v) => {
    const r = redact(v);
    findings.push(...r.findings);
    return r.text;
  });
  return { text: out.join('\n'), values: out, findings };
}

/** The API-key kind implied by what redaction found (`coding-plan` wins over `standard`). */
export function keyKindOf(findings: SecretFinding[]): string | undefined {
  if (findings.some((f) => f.kind === 'coding-plan')) return 'coding-plan';
  if (findings.some((f) => f.kind === 'standard')) return 'standard';
  return undefined;
}
