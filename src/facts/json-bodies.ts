// Finds JSON (or Python-dict-repr) objects embedded in pasted text and parses them.
// Error bodies arrive printed by many clients: raw JSON, `Error code: 429 - {'error': …}` dict reprs,
// JSON escaped inside another body's message, SSE `data:` lines. Bounded so a huge or hostile paste costs little:
// every scan and parse attempt draws on one work budget per call, so the cost stays linear in the budget rather than
// quadratic in the number of `{` (a paste of `{'{'{'…` once took a minute).

const MAX_BODIES = 12;
const MAX_BODY_CHARS = 16_384;
const MAX_DEPTH = 3;
/** Characters scanned, candidates tried and cut-off bodies repaired, per findJsonBodies call (recursion included). */
const SCAN_BUDGET = 300_000;
const ATTEMPT_BUDGET = 48;
const REPAIR_BUDGET = 4;

interface Budget {
  steps: number;
  attempts: number;
  repairs: number;
}

/** An object literal opens with a quoted key or closes at once; code blocks and prose braces do not. */
const OBJECT_START = /^\{\s*(?:["'}])/;

export type JsonObject = Record<string, unknown>;

/** Convert a Python dict repr to JSON text: quotes, None/True/False. Best effort; JSON.parse judges. */
function pythonReprToJson(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === "'" || ch === '"') {
      // Copy a quoted string, re-emitting it with double quotes.
      const quote = ch;
      let j = i + 1;
      let body = '';
      while (j < src.length && src[j] !== quote) {
        if (src[j] === '\\' && j + 1 < src.length) {
          const next = src[j + 1]!;
          body += next === "'" ? "'" : `\\${next}`;
          j += 2;
          continue;
        }
        body += src[j] === '"' ? '\\"' : src[j] === '\n' ? '\\n' : src[j];
        j++;
      }
      out += `"${body}"`;
      i = j + 1;
      continue;
    }
    const rest = src.slice(i, i + 5);
    if (rest.startsWith('None')) {
      out += 'null';
      i += 4;
    } else if (rest.startsWith('True')) {
      out += 'true';
      i += 4;
    } else if (rest.startsWith('False')) {
      out += 'false';
      i += 5;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The end index (exclusive) of the balanced `{…}` starting at `start`, or -1. Quote-aware. */
function balancedEnd(text: string, start: number, budget: Budget): number {
  let depth = 0;
  let quote: string | null = null;
  const limit = Math.min(text.length, start + MAX_BODY_CHARS, start + Math.max(0, budget.steps));
  budget.steps -= limit - start;
  for (let i = start; i < limit; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

// A terminal UI (qwen-code, Gemini CLI, Claude Code) draws errors inside a box and wraps long lines: the frame
// `│` and the line break land inside the body, even inside a number (`"status":4 │ │ 29`).
// The lookbehind starts a match only at the beginning of a blank run, so a long run of tabs is not rescanned.
const BOX_FRAME = /(?<![ \t])[ \t]*│[ \t]*(?:\r?\n[ \t]*│[ \t]*|│[ \t]*)?/g;
/** `{'…` (a Python dict repr) is never JSON: skipping JSON.parse spares a thrown SyntaxError, the costly part. */
const PYTHON_START = /^\{\s*'/;

function tryParse(candidate: string): JsonObject | undefined {
  const forms = PYTHON_START.test(candidate) ? [pythonReprToJson(candidate)] : [candidate, pythonReprToJson(candidate)];
  if (candidate.includes('│')) forms.push(candidate.replace(BOX_FRAME, ''));
  for (const attempt of forms) {
    try {
      const value: unknown = JSON.parse(attempt);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
    } catch {
      // not this form; try the next
    }
  }
  return undefined;
}

/** Strings inside a parsed body that themselves hold a body (litellm / gateway wrappers). */
function nestedJsonStrings(obj: JsonObject, out: string[], depth = 0): void {
  if (depth > 4) return;
  for (const value of Object.values(obj)) {
    if (typeof value === 'string' && value.includes('{')) out.push(value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      nestedJsonStrings(value as JsonObject, out, depth + 1);
    }
  }
}

/**
 * All objects found in `text`, outermost first, then objects found inside their string values.
 * Unbalanced (cut-off) bodies are parsed as far as they can be closed.
 */
export function findJsonBodies(text: string): JsonObject[] {
  const budget: Budget = { steps: SCAN_BUDGET, attempts: ATTEMPT_BUDGET, repairs: REPAIR_BUDGET };
  return scan(text, 0, budget).slice(0, MAX_BODIES);
}

function scan(text: string, depth: number, budget: Budget): JsonObject[] {
  const bodies: JsonObject[] = [];
  if (depth > MAX_DEPTH || !text.includes('{')) return bodies;
  let from = 0;
  while (bodies.length < MAX_BODIES && budget.attempts > 0 && budget.steps > 0) {
    const start = text.indexOf('{', from);
    if (start < 0) break;
    from = start + 1;
    if (!OBJECT_START.test(text.slice(start, start + 64))) continue;
    budget.attempts--;
    const end = balancedEnd(text, start, budget);
    if (end < 0 && budget.repairs-- <= 0) continue;
    const candidate = end > 0 ? text.slice(start, end) : closeTruncated(text.slice(start, start + MAX_BODY_CHARS));
    const parsed = tryParse(candidate);
    // An empty object says nothing about an error (often a stray `{` closed by the truncation repair).
    if (!parsed || Object.keys(parsed).length === 0) continue;
    bodies.push(parsed);
    const inner: string[] = [];
    nestedJsonStrings(parsed, inner);
    for (const s of inner) bodies.push(...scan(s, depth + 1, budget));
    from = end > 0 ? end : text.length;
  }
  return bodies;
}

/**
 * Close a body cut off mid-way (pastes often end mid-word): drop the partial field after the last separator that
 * lies outside any string, then close the open brackets and braces in order.
 */
function closeTruncated(candidate: string): string {
  let quote: string | null = null;
  let lastComma = -1;
  for (let i = 0; i < candidate.length; i++) {
    const ch = candidate[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') lastComma = i;
  }
  const head = lastComma > 0 ? candidate.slice(0, lastComma) : candidate;
  const open: string[] = [];
  quote = null;
  for (let i = 0; i < head.length; i++) {
    const ch = head[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') open.push(ch === '{' ? '}' : ']');
    else if (ch === '}' || ch === ']') open.pop();
  }
  if (quote) return candidate;
  return head + open.reverse().join('');
}
