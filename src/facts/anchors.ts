// One pass over the text for the anchors of every sign list (provider signs, clients): each list registers the
// literals its regexes cannot match without (scan/regex-literals.ts) when its module loads, one Aho–Corasick scanner
// holds them all, and a text is scanned once, however many lists ask. A regex whose anchor is not in the text
// cannot match it, so it is never run.
import { LiteralScanner } from '../scan/aho-corasick.js';

const ids = new Map<string, number>();
let scanner: LiteralScanner | undefined;
/** `seenAt[id] === generation`: literal `id` occurs in the text last scanned. */
let seenAt = new Uint32Array(0);
let generation = 0;
let lastText: string | undefined;

/** The id of `literal` (lower case, as regex-literals folds them) in the shared scanner. */
export function anchorId(literal: string): number {
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
