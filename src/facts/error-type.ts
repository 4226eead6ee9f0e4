// The SDK exception class (e.g. `RateLimitError`, `ApiException`, `AuthenticationError`).

const QUALIFIED = /\b(?:[a-z_][\w]*\.)+([A-Z][A-Za-z]*(?:Error|Exception|Timeout))\b/;
const BARE = /\b([A-Z][A-Za-z]*(?:Error|Exception)|ReadTimeout|ConnectTimeout)\b(?=[:(\s]|$)/;
const NOT_CLASSES = new Set(['InternalError', 'ServiceUnavailableError', 'NetworkError', 'APIConnectionError']);

export function extractErrorType(text: string): string | undefined {
  const qualified = QUALIFIED.exec(text)?.[1];
  if (qualified) return qualified;
  const bare = BARE.exec(text)?.[1];
  return bare && !NOT_CLASSES.has(bare) ? bare : bare === 'APIConnectionError' ? bare : undefined;
}
