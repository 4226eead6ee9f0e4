// Which secret patterns may match a text, from their anchors (secret-patterns.ts), in one pass: one regex of every
// distinct anchor, longest first, tried at every position where one starts. At a position only the longest anchor
// there is reported, but any shorter one there is a prefix of it, so "anchors inside the one found" covers it.
// Case-insensitive like the scanner of the candidate index: sound for patterns with and without the i flag.
import { PATTERNS } from './secret-patterns.js';

const ANCHORS = [...new Set(PATTERNS.flatMap((p) => p.anchors ?? []))].sort((a, b) => b.length - a.length);
const ID = new Map(ANCHORS.map((a, i) => [a, i]));
/** For each anchor, the anchors it contains (itself included). */
const CONTAINED = ANCHORS.map((a) => ANCHORS.flatMap((b, j) => (a.includes(b) ? [j] : [])));
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const ANY = new RegExp(ANCHORS.map(escapeRegex).join('|'), 'gi');
/** Per pattern (by index in PATTERNS), its anchors' ids; undefined: it has none, and always runs. */
const PATTERN_ANCHORS = PATTERNS.map((p) => p.anchors?.map((a) => ID.get(a) as number));

/** The anchors `text` holds, as marks by anchor id; hand them to mayMatch(). */
export function anchorsIn(text: string): Uint8Array {
  const seen = new Uint8Array(ANCHORS.length);
  ANY.lastIndex = 0;
  for (let m = ANY.exec(text); m; m = ANY.exec(text)) {
    for (const j of CONTAINED[ID.get(m[0].toLowerCase()) as number] as number[]) seen[j] = 1;
    ANY.lastIndex = m.index + 1;
  }
  return seen;
}

/** False only when the text `seen` came from holds none of pattern `index`'s anchors: it cannot match there. */
export function mayMatch(index: number, seen: Uint8Array): boolean {
  const ids = PATTERN_ANCHORS[index];
  if (!ids) return true;
  for (const id of ids) if (seen[id]) return true;
  return false;
}
