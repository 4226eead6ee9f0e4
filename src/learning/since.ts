// `--since 7d` / `?since=7d`: a window back from now in hours, days or weeks, or an ISO date.
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** The epoch ms the window starts at, or undefined when `text` is neither `<n>h|d|w` nor an ISO date. */
export function parseSince(text: string, now: number): number | undefined {
  const m = /^(\d{1,5})([hdw])$/i.exec(text.trim());
  if (m) return now - Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!;
  if (/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?$/.test(text.trim())) {
    const at = Date.parse(text.trim());
    return Number.isNaN(at) ? undefined : at;
  }
  return undefined;
}

export const SINCE_HINT = 'use a window like 24h, 7d or 2w, or an ISO date like 2026-12-01';
