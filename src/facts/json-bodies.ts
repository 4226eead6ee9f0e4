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

/**
 * Convert a Python dict repr to JSON text: quotes, None/True/False. Best effort; JSON.parse judges. Unchanged runs
 * are copied as slices, not character by character (a string built one character at a time cost more than the parse).
 */
function pythonReprToJson(src: string): string {
  let out = '';
  let run = 0; // start of the run copied as it is
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 39 || c === 34) {
      // A quoted string, re-emitted with double quotes.
      out += src.slice(run, i);
      const body = reQuoted(src, i + 1, c);
      out += `"${body.text}"`;
      i = body.end + 1;
      run = i;
      continue;
    }
    const literal =
      c === 78 && src.startsWith('None', i)
        ? 'null'
        : c === 84 && src.startsWith('True', i)
          ? 'true'
          : c === 70 && src.startsWith('False', i)
            ? 'false'
            : undefined;
    if (literal) {
      out += src.slice(run, i) + literal;
      i += literal === 'false' ? 5 : 4;
      run = i;
      continue;
    }
    i++;
  }
  return out + src.slice(run);
}

/** The body of the string opened before `from` by `quote`, escaped for JSON, and the index of its closing quote. */
function reQuoted(src: string, from: number, quote: number): { text: string; end: number } {
  let text = '';
  let seg = from;
  let j = from;
  while (j < src.length && src.charCodeAt(j) !== quote) {
    const d = src.charCodeAt(j);
    if (d === 92 && j + 1 < src.length) {
      const next = src[j + 1] as string;
      text += src.slice(seg, j) + (next === "'" ? "'" : `\\${next}`);
      j += 2;
      seg = j;
    } else if (d === 34 || d === 10) {
      text += src.slice(seg, j) + (d === 34 ? '\\"' : '\\n');
      j++;
      seg = j;
    } else j++;
  }
  return { text: text + src.slice(seg, j), end: j };
}

/** The end index (exclusive) of the balanced `{…}` starting at `start`, or -1. Quote-aware. */
function balancedEnd(text: string, start: number, budget: Budget): number {
  let depth = 0;
  let quote = 0; // the char code of the open string's quote, 0 outside strings
  const limit = Math.min(text.length, start + MAX_BODY_CHARS, start + Math.max(0, budget.steps));
  budget.steps -= limit - start;
  // Char codes, not one-character strings: a CJK character read as a string is a new string each time.
  for (let i = start; i < limit; i++) {
    const ch = text.charCodeAt(i);
    if (quote) {
      if (ch === 92) i++;
      else if (ch === quote) quote = 0;
      continue;
    }
    if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 123) depth++;
    else if (ch === 125) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

// A terminal UI (qwen-code, Gemini CLI, Claude Code) draws errors inside a box and wraps long lines: the frame
// `│` and the line break land inside the body, even inside a number (`"status":4 │ │ 29`).
// Cut at the frame and trim the pieces (a split, not a regex: `[ \t]*│` rescans every run of blanks).
const dropBoxFrame = (text: string) =>
  text
    .split('│')
    .map((piece) => piece.trim())
    .join('');
/** `{'…` (a Python dict repr) is never JSON: skipping JSON.parse spares a thrown SyntaxError, the costly part. */
const PYTHON_START = /^\{\s*'/;

function parseObject(attempt: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(attempt);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  } catch {
    // not this form; the caller tries the next
  }
  return undefined;
}

/**
 * The candidate without its box frame first (a frame inside a string still parses, but leaves `│` and the line
 * break in the value), then as JSON, else as a Python dict repr; each form made only when needed.
 */
function tryParse(candidate: string): JsonObject | undefined {
  if (candidate.includes('│')) {
    const unboxed = dropBoxFrame(candidate);
    const framed = parseObject(PYTHON_START.test(unboxed) ? pythonReprToJson(unboxed) : unboxed);
    if (framed) return framed;
  }
  const asJson = PYTHON_START.test(candidate) ? undefined : parseObject(candidate);
  return asJson ?? parseObject(pythonReprToJson(candidate));
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
