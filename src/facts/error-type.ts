// The SDK exception class (e.g. `RateLimitError`, `ApiException`, `AuthenticationError`).
// Segments of a dotted Model Studio code (`InternalError.Algo.ModelServingError.ModelServingUnknownError`) are codes,
// not classes, and so are the code names that merely end in "Error".

// Bounded segments: an unbounded `(?:[a-z_]\w*\.)+` rescans a long dotted run from every start (quadratic).
const QUALIFIED = /\b(?:[a-z_]\w{0,40}\.){1,8}([A-Z][A-Za-z]{0,60}(?:Error|Exception|Timeout))\b/;
const BARE = /(?<![.\w])([A-Z][A-Za-z]{0,60}(?:Error|Exception)|ReadTimeout|ConnectTimeout)\b(?=[:(\s]|$)/;
const NOT_CLASSES = new Set(['InternalError', 'ServiceUnavailableError', 'NetworkError']);

/** Both forms end in one of these words: a text without any has no class name to find. */
const CLASS_SUFFIX = /Error|Exception|Timeout/;

/** A qualified name's class follows its last dot: a text without a dot before a capital has none (a cheap scan). */
const DOT_CAPITAL = /\.[A-Z]/;

export function extractErrorType(text: string): string | undefined {
  if (!CLASS_SUFFIX.test(text)) return undefined;
  const qualified = DOT_CAPITAL.test(text) ? QUALIFIED.exec(text)?.[1] : undefined;
  if (qualified) return qualified;
  const bare = BARE.exec(text)?.[1];
  return bare && !NOT_CLASSES.has(bare) ? bare : undefined;
}
