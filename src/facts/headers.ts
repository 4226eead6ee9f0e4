// Request headers named in the text (e.g. `X-DashScope-Wait-Timeout`), canonical case, de-duplicated.

const HEADER = /\b(X-DashScope-[A-Za-z-]+|Authorization|x-api-key|anthropic-version|X-Request-Id|Retry-After)\b/gi;

export function extractHeaders(text: string): string[] {
  const seen = new Map<string, string>();
  for (const m of text.matchAll(HEADER)) {
    const name = m[1]!;
    if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}
