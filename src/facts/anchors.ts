// One pass over the text for the anchors of every sign list (provider signs, clients): each list registers the
// literals its regexes cannot match without (scan/regex-literals.ts) when its module loads, one Aho–Corasick scanner
// holds them all, and a text is scanned once, however many lists ask. A regex whose anchor is not in the text
// cannot match it, so it is never run.
import { LiteralScanner } from '../scan/aho-corasick.js';
import { cachedRequiredLiterals } from './anchor-cache.js';

const ids = new Map<string, number>();
const MAX_ANCHOR_CHARS = 10;
let scanner: LiteralScanner | undefined;
/** `seenAt[id] === generation`: literal `id` occurs in the text last scanned. */
let seenAt = new Uint32Array(0);
let generation = 0;
let lastText: string | undefined;

/** The id of `literal` (lower case, as regex-literals folds them) in the shared scanner. */
function anchorId(literal: string): number {
  let id = ids.get(literal);
  if (id === undefined) {
    id = ids.size;
    ids.set(literal, id);
    scanner = undefined; // built again, with the new literal, on the next scan
  }
  return id;
}

const mark = (id: number) => {
  seenAt[id] = generation;
};

/** Scan `text` unless it is the text scanned last; afterwards seen(id) answers for it. */
export function scanAnchors(text: string): void {
  if (text === lastText && scanner) return;
  if (!scanner) {
    scanner = new LiteralScanner([...ids.keys()]);
    seenAt = new Uint32Array(ids.size);
    generation = 0;
  }
  if (++generation === 0xffffffff) {
    seenAt.fill(0);
    generation = 1;
  }
  lastText = text;
  scanner.scan(text, mark);
}

/** Whether literal `id` occurs in the text given to the last scanAnchors() call. */
export function seen(id: number): boolean {
  return seenAt[id] === generation;
}

/**
 * The anchor ids of `re`: any match of it holds one of these literals. Undefined when none is known, or for the u and
 * v flags, which fold case differently from the scanner (ſ, K).
 */
export function anchorsOf(re: RegExp): number[] | undefined {
  if (re.unicode || re.flags.includes('v')) return undefined;
  // A literal's head is in every text the literal is in: heads keep the gate sound and the scanner small (it is
  // built once per process, on the first text, so its size is start-up time for the CLI).
  return cachedRequiredLiterals(re.source)?.map((literal) => anchorId(literal.slice(0, MAX_ANCHOR_CHARS)));
}

/** A gate for `re`: false only when `text` holds none of its anchors, so `re` cannot match `text`. */
export function anchorGate(re: RegExp): (text: string) => boolean {
  const ids = anchorsOf(re);
  if (!ids) return () => true;
  return (text) => {
    scanAnchors(text);
    for (const id of ids) if (seen(id)) return true;
    return false;
  };
}
