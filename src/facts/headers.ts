// Request headers named in the text (e.g. `X-DashScope-Wait-Timeout`), in their documented spelling whatever case
// the paste used (HTTP header names are case-insensitive, rules compare exact strings), de-duplicated.
import { anchorGate } from './anchors.js';

const HEADER =
  /\b(X-DashScope-[A-Za-z-]*[A-Za-z]|Authorization|x-api-key|anthropic-version|X-Request-Id|Retry-After)\b/gi;

/** Documented spellings; other X-DashScope-* names get each segment capitalised. */
const CANONICAL: ReadonlyMap<string, string> = new Map(
  [
    'X-DashScope-Async',
    'X-DashScope-Wait-Timeout',
    'X-DashScope-SSE',
    'X-DashScope-WorkSpace',
    'X-DashScope-DataInspection',
    'X-DashScope-OssResourceResolve',
    'X-DashScope-Plugin',
    'Authorization',
    'x-api-key',
    'anthropic-version',
    'X-Request-Id',
    'Retry-After',
  ].map((h) => [h.toLowerCase(), h]),
);

function canonical(name: string): string {
  const known = CANONICAL.get(name.toLowerCase());
  if (known) return known;
  const tail = name.slice('X-DashScope-'.length);
  return `X-DashScope-${tail
    .split('-')
    .map((s) => (s ? s[0]!.toUpperCase() + s.slice(1) : s))
    .join('-')}`;
}

const HEADER_GATE = anchorGate(HEADER);

export function extractHeaders(text: string): string[] {
  const seen = new Set<string>();
  if (!HEADER_GATE(text)) return [];
  for (const m of text.matchAll(HEADER)) seen.add(canonical(m[1]!));
  return [...seen];
}
