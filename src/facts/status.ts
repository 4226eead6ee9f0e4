// HTTP status of the failed call. A number counts only where a status can stand: a label ("Error code: 429",
// "status_code": 400, "HTTP/1.1 503", `<400>`, 错误码：503), a reason phrase after it ("429 Too Many Requests"), a
// client's error prefix or verb ("Error: 400 The model…", "API error 429", "返回 401", "failed with 500"), or the
// start of an error line; else a client's exception class (`openai.RateLimitError`). Never a line number, latency,
// pid, port, count or id: those have none of these neighbours.
// A number inside a body's message string ("… Error code: 429 …" echoed in a 400's message) is not the status,
// except the serving layer's own status inside a `<5000202> …ModelServingError` wrapper and axios's "Request failed
// with status code N", which are the real ones.
import { anchorGate } from './anchors.js';
import type { ErrorRecord } from './error-body.js';
import { execFrom, lookbehindLast, nextFrom } from './lookbehind-last.js';

/** A number followed by a unit is a duration, size or count ("with 500 ms delay", "404 requests"), not a status. */
const NOT_A_UNIT = String.raw`(?!\d|[.,]\d|\s*(?:ms\b|s\b|sec|seconds?\b|min|bytes?\b|[KMG]B\b|items?\b|rows?\b|lines?\b|records?\b|files?\b|users?\b|times\b|秒|毫秒|分钟|行|字节|tokens?\b|requests?\b|次|个|条|字))`;
const LABELLED = new RegExp(
  String.raw`(?<![\w.])(?<!exit )(?<!exit_)(?:status[_ ]?code|statusCode|http[_ ]?(?:code|status)|error[ _]code|HTTP_STATUS\/|HTTPStatus\.[A-Z_]+|HTTP(?:\/\d(?:\.\d)?)?(?: error| status)?|api[ _]error|status|code|错误码|状态码)["'“”\s]*[:=：]?\s*["'“”]?([1-5]\d\d)${NOT_A_UNIT}`,
  'gi',
);
const ANGLE = /<([45]\d\d)>/g;
const REASON =
  /\b([45]\d\d)\s*(?:-\s*)?(?:Too Many Requests|Bad Request|Unauthorized|Forbidden|Not Found|Internal Server Error|Service Unavailable|Bad Gateway|Gateway Time-?out|Request Timeout|Payload Too Large|Request Entity Too Large|Unsupported Media Type|Client Error|Server Error|status code|Invalid|Incorrect|Access|Free|Rate|invalid|Model|Range|<|\{)/g;
// A client's error prefix or an error verb right before the number ("getting a 429", "一直 429"); not a bare
// "with" ("with 413 items").
const ERRORISH_PREFIX = new RegExp(
  String.raw`(?:error|exception|failed(?: with)?|failure|失败|报错|错误|报|出现|遇到|提示|return(?:s|ed|ing)?|respond(?:ed|s)? with|\bgot|\bgett?ing|\bhit(?:s|ting)?|\bkeeps?|received|返回了?|一直|总是|老是|频繁|经常)\W{0,3}(?:an? )?([45]\d\d)${NOT_A_UNIT}`,
  'gi',
);
/** `Rate limit exceeded (429)`, `InvalidApiKey (401)`: a status in parentheses after an error word. */
// One bounded run of letters from a word start: `[a-z][A-Z]\w*` under /i backtracked quadratically on letter runs.
const PARENTHESISED = /(?<![A-Za-z])[A-Za-z]{0,40}?(?:error|exceeded|denied|invalid|failed|key)\s?\(([45]\d\d)\)/gi;
// One loop over blanks and box characters, and no \s run that can also cross lines: the earlier form
// (\s*[[(✕✖│ ]*…\s*[:\s]\s*) backtracked in 4th-degree polynomial time on blank-heavy text.
const LINE_START = new RegExp(
  String.raw`(?:^|\n)(?:[^\S\n]|[[(✕✖│])*([45]\d\d)${NOT_A_UNIT}(?:\s*:\s*|\s+)[A-Za-z<{'"]`,
  'g',
);
/** A client's exception class names the status when no number is printed (`litellm.AuthenticationError: …`). */
const CLASS_STATUS: Readonly<Record<string, number>> = {
  BadRequestError: 400,
  ContextWindowExceededError: 400,
  ContentPolicyViolationError: 400,
  AuthenticationError: 401,
  PermissionDeniedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  UnprocessableEntityError: 422,
  RateLimitError: 429,
  ServiceUnavailableError: 503,
};
// openai- and anthropic-python raise these only on an HTTP answer; litellm also for its own configuration errors
// ("LLM Provider NOT provided"), so its class counts only beside the `<Provider>Exception - ` of an upstream answer.
const CLIENT_CLASS = new RegExp(String.raw`\b(?:openai|anthropic)\.(${Object.keys(CLASS_STATUS).join('|')})\b`);
const LITELLM_CLASS = new RegExp(
  String.raw`\blitellm\.(${Object.keys(CLASS_STATUS).join('|')})\b(?=[^\n]{0,80}\b[A-Z]\w+Exception - )`,
);
const MODEL_SERVING = /ModelServingError[\s\S]{0,2000}?\\?["']?status_code\\?["']?\s*[:=]\s*([45]\d\d)(?!\d)/;
/** axios's fixed wording names the real status of the failed call, even quoted inside a relay's own body. */
const AXIOS = /Request failed with status code ([45]\d\d)(?!\d)/;
const MESSAGE_KEY = /(\\?["'])(?:message|msg|Message|status_message|detail|error_msg)\1\s*:\s*(\\?["'])/g;

type Span = [number, number];

/** Where message strings of bodies lie, so numbers quoted inside them can be skipped. */
const MESSAGE_KEY_GATE = anchorGate(MESSAGE_KEY);

/** Every key MESSAGE_KEY names holds one of these (its anchors cannot be derived past the back-reference). */
const hasMessageKeyWord = (text: string) =>
  text.includes('message') || text.includes('msg') || text.includes('Message') || text.includes('detail');

/**
 * Where the string opened before `start` by `quote` closes (the text's end when it does not): the first `quote`,
 * skipping a character after a backslash when the quote is a bare one (an escaped `\"` quote is matched whole).
 * Found with indexOf, not a startsWith per character.
 */
function closingQuote(text: string, start: number, quote: string): number {
  if (quote.length > 1) {
    const at = text.indexOf(quote, start);
    return at < 0 ? text.length : at;
  }
  for (let i = start; ; ) {
    const q = text.indexOf(quote, i);
    if (q < 0) return text.length;
    const backslash = text.indexOf('\\', i);
    if (backslash < 0 || backslash > q) return q;
    i = backslash + 2; // the escaped character, a quote or not, is inside the string
  }
}

function messageSpans(text: string): Span[] {
  const spans: Span[] = [];
  if (!MESSAGE_KEY_GATE(text) || !hasMessageKeyWord(text)) return spans;
  for (const m of text.matchAll(MESSAGE_KEY)) {
    const quote = m[2]!;
    const start = m.index + m[0].length;
    spans.push([start, closingQuote(text, start, quote)]);
  }
  return spans;
}

/** Each form's gate (anchors.ts): a form whose literals are not in the text is not run. */
const GATES = new Map<RegExp, (text: string) => boolean>(
  [
    LABELLED,
    ANGLE,
    REASON,
    ERRORISH_PREFIX,
    PARENTHESISED,
    LINE_START,
    CLIENT_CLASS,
    LITELLM_CLASS,
    MODEL_SERVING,
    AXIOS,
  ].map((re) => [re, anchorGate(re)]),
);
const mayMatch = (re: RegExp, text: string) => (GATES.get(re) as (text: string) => boolean)(text);

/** LABELLED opens with look-behinds: run without them, checked where it matched (lookbehind-last.ts). */
const LABELLED_SPLIT = lookbehindLast(LABELLED);

function nextMatch(re: RegExp, text: string, from: number): RegExpExecArray | null {
  if (re === LABELLED) return execFrom(LABELLED_SPLIT, text, from);
  re.lastIndex = from;
  return re.exec(text);
}

/** The first match of `re` that counts: a status from 400 to 599 outside the message strings (`spans`, read once asked). */
function firstMatch(re: RegExp, text: string, spans: () => Span[]): { index: number; status: number } | undefined {
  if (!mayMatch(re, text)) return undefined;
  // Matches come in order of index: the first that counts is the earliest.
  for (let m = nextMatch(re, text, 0); m; m = nextMatch(re, text, nextFrom(m))) {
    const status = Number(m[1]);
    const at = m.index;
    if (status < 400 || status > 599 || spans().some(([s, e]) => at >= s && at < e)) continue;
    return { index: at, status };
  }
  return undefined;
}

/** Every numeric form counts only a three-digit number from 400 to 599: a text without one skips them all. */
const THREE_DIGITS = /[45]\d\d/;

export function extractStatus(text: string, records: ErrorRecord[]): number | undefined {
  if (THREE_DIGITS.test(text)) {
    const printed = printedStatus(text);
    if (printed !== undefined) return printed;
  }
  const printedClass =
    (mayMatch(CLIENT_CLASS, text) ? CLIENT_CLASS.exec(text)?.[1] : undefined) ??
    (mayMatch(LITELLM_CLASS, text) ? LITELLM_CLASS.exec(text)?.[1] : undefined);
  return records.find((r) => r.status !== undefined)?.status ?? (printedClass ? CLASS_STATUS[printedClass] : undefined);
}

/** The status printed as a number, by the tiers above. */
function printedStatus(text: string): number | undefined {
  const serving =
    (mayMatch(MODEL_SERVING, text) ? MODEL_SERVING.exec(text)?.[1] : undefined) ??
    (mayMatch(AXIOS, text) ? AXIOS.exec(text)?.[1] : undefined);
  if (serving) return Number(serving);
  let known: Span[] | undefined;
  const spans = () => {
    known ??= messageSpans(text);
    return known;
  };
  const tiers = [[LABELLED, ANGLE], [REASON], [ERRORISH_PREFIX, PARENTHESISED, LINE_START]];
  for (const tier of tiers) {
    const hits = tier.map((re) => firstMatch(re, text, spans)).filter((h) => h !== undefined);
    if (hits.length) return hits.sort((a, b) => a.index - b.index)[0]!.status;
  }
  return undefined;
}
