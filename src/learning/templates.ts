// Drain-style log templates for pastes no rule matched. A paste is masked (URLs, ids, hashes, numbers and quoted
// values become `<*>`), cut into whitespace tokens, and joined to the most similar template of the same length;
// where a member differs from its template, that position becomes `<*>` too. No maintained Drain port exists on
// npm (drain3 is Python); this is the part of the algorithm we need, with the cluster list kept in the database.
import { createHash } from 'node:crypto';

/** Placeholder for a variable part. */
export const WILDCARD = '<*>';
/** Tokens of a paste that take part in its template: tracebacks run long, their head names the error. */
const MAX_TOKENS = 80;
/** Characters looked at: the head of a paste carries the error; the bound keeps masking linear and cheap. */
const MAX_CHARS = 4000;
/** A paste joins a template this similar (see similarity()). Drain's default is 0.4; 0.6 keeps families apart. */
const SIMILARITY_THRESHOLD = 0.6;

// Bounded quantifiers and no nested repetition: every mask runs in linear time on any input.
const MASKS: [RegExp, string][] = [
  [/\b(?:https?|wss?):\/\/[^\s"'<>`]{1,500}/gi, WILDCARD],
  [/\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b/g, WILDCARD],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, WILDCARD],
];
/** A quoted value is a placeholder unless it looks like a word or an identifier (a JSON key, an error code). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z_.:-]{0,63}$/;

function maskQuoted(text: string, quote: '"' | "'"): string {
  const pattern = quote === '"' ? /"([^"\\\n]{0,300})"/g : /'([^'\\\n]{0,300})'/g;
  return text.replace(pattern, (_m, inner: string) =>
    IDENTIFIER.test(inner) ? `${quote}${inner}${quote}` : `${quote}${WILDCARD}${quote}`,
  );
}

/** The template tokens of one paste: masked, split on whitespace, any token holding a digit a placeholder. */
export function tokenize(text: string): string[] {
  let masked = text.slice(0, MAX_CHARS);
  for (const [pattern, replacement] of MASKS) masked = masked.replace(pattern, replacement);
  masked = maskQuoted(maskQuoted(masked, '"'), "'");
  const tokens = masked.split(/\s+/).filter(Boolean).slice(0, MAX_TOKENS);
  // Ids, hashes, counts, times and ports all carry a digit; the words around them are the template.
  return tokens.map((t) => (t !== WILDCARD && /\d/.test(t) ? maskDigits(t) : t));
}

/** `"requestId":"abc-123",` keeps its punctuation and key: only the digit-bearing run becomes `<*>`. */
function maskDigits(token: string): string {
  return token.replace(/[A-Za-z0-9_.-]*\d[A-Za-z0-9_.-]*/g, WILDCARD).replace(/(?:<\*>){2,}/g, WILDCARD);
}

/**
 * How alike a template and a token list are, 0–1: an equal token counts 1, a template placeholder over a
 * literal ½ (the member fits a variable part), anything else 0. Different lengths are different templates.
 */
function similarity(template: readonly string[], tokens: readonly string[]): number {
  if (template.length !== tokens.length || tokens.length === 0) return 0;
  let score = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (template[i] === tokens[i]) score += 1;
    else if (template[i] === WILDCARD) score += 0.5;
  }
  return score / tokens.length;
}

/** The template both fit: equal positions kept, the others placeholders. */
export function mergeTemplate(template: readonly string[], tokens: readonly string[]): string[] {
  return template.map((t, i) => (t === tokens[i] ? t : WILDCARD));
}

/** The best template for `tokens` among `candidates`, or undefined when none reaches the threshold. */
export function bestMatch<T extends { tokens: readonly string[] }>(
  candidates: readonly T[],
  tokens: readonly string[],
): T | undefined {
  let best: T | undefined;
  let bestScore = SIMILARITY_THRESHOLD;
  for (const c of candidates) {
    const score = similarity(c.tokens, tokens);
    if (score >= bestScore && (!best || score > bestScore)) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** A cluster's id: a hash of the template it was founded with. It never changes as the template generalises. */
export function clusterIdOf(tokens: readonly string[]): string {
  return createHash('sha256').update(tokens.join(' ')).digest('hex').slice(0, 12);
}
