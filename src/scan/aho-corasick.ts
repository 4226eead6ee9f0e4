// One pass over a text finds which of many literals occur in it (Aho–Corasick). ASCII letters are folded to
// lower case while scanning, so the text is neither copied nor lower-cased; literals must already be folded
// (see regex-literals.ts, which only emits ASCII and caseless characters). ASCII steps use a dense transition
// table over the characters the literals use (one array read per character); other characters walk the trie.

/**
 * A built automaton as plain data, so the rule cache (engine/rule-cache.ts) can keep it between processes: building
 * one over the rules' literals is tens of milliseconds of CLI start-up, reading it back is a copy.
 */
export interface ScannerData {
  size: number;
  classes: number;
  asciiClass: Uint8Array;
  delta: Uint16Array | Int32Array;
  fail: Int32Array;
  endId: Int32Array;
  dictLink: Int32Array;
  wide: [number, [number, number][]][];
}

/** Whether `d` is shaped like a built automaton (sizes consistent): a foreign or damaged cache is built afresh. */
export function isScannerData(d: ScannerData | undefined): d is ScannerData {
  if (!d || !Number.isInteger(d.size) || !Number.isInteger(d.classes) || d.classes < 1) return false;
  const states = d.fail?.length;
  return (
    d.asciiClass instanceof Uint8Array &&
    d.asciiClass.length === 128 &&
    (d.delta instanceof Uint16Array || d.delta instanceof Int32Array) &&
    d.delta.length === states * d.classes &&
    d.fail instanceof Int32Array &&
    d.endId instanceof Int32Array &&
    d.endId.length === states &&
    d.dictLink instanceof Int32Array &&
    d.dictLink.length === states &&
    Array.isArray(d.wide)
  );
}

export class LiteralScanner {
  readonly size: number;
  /** `delta[state * classes + asciiClass[c]]`: the next state for ASCII character c (0 = root). */
  private readonly delta: Uint16Array | Int32Array;
  private readonly classes: number;
  private readonly asciiClass: Uint8Array = new Uint8Array(128);
  /** Trie edges for non-ASCII characters, only for the states that have any. */
  private readonly wide = new Map<number, Map<number, number>>();
  private readonly fail: Int32Array;
  /** The literal ending exactly at a state (-1 none), and the next state down the failure chain that ends one. */
  private readonly endId: Int32Array;
  private readonly dictLink: Int32Array;

  /** Build the automaton for `literals`, or take a built one (`toData()` of a scanner over the same literals). */
  constructor(literals: readonly string[], built?: ScannerData) {
    this.size = literals.length;
    if (built) {
      this.classes = built.classes;
      this.asciiClass = built.asciiClass;
      this.delta = built.delta;
      this.fail = built.fail;
      this.endId = built.endId;
      this.dictLink = built.dictLink;
      this.wide = new Map(built.wide.map(([s, edges]) => [s, new Map(edges)]));
      return;
    }
    // ASCII character classes: one per character the literals use; upper case shares lower case's class.
    let k = 1;
    let maxStates = 1;
    for (const lit of literals) {
      maxStates += lit.length;
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        if (c < 128 && this.asciiClass[c] === 0) this.asciiClass[c] = k++;
      }
    }
    for (let c = 65; c <= 90; c++) if (this.asciiClass[c + 32]) this.asciiClass[c] = this.asciiClass[c + 32] as number;
    this.classes = k;
    // 1. The trie: ASCII edges in the table (0 = no edge yet; the root is never a child), others in maps.
    //    ASCII children are also linked per parent (head/sibling), so step 2 visits edges, not whole rows.
    const table = new Int32Array(maxStates * k);
    const endId = new Int32Array(maxStates).fill(-1);
    const childHead = new Int32Array(maxStates);
    const sibling = new Int32Array(maxStates);
    const edgeClass = new Int32Array(maxStates);
    let states = 1;
    literals.forEach((lit, id) => {
      let s = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        if (c < 128) {
          const cls = this.asciiClass[c] as number;
          const at = s * k + cls;
          if (table[at] === 0) {
            const t = states++;
            table[at] = t;
            edgeClass[t] = cls;
            sibling[t] = childHead[s] as number;
            childHead[s] = t;
          }
          s = table[at] as number;
        } else {
          let edges = this.wide.get(s);
          if (!edges) {
            edges = new Map();
            this.wide.set(s, edges);
          }
          let t = edges.get(c);
          if (t === undefined) {
            t = states++;
            edges.set(c, t);
          }
          s = t;
        }
      }
      endId[s] = id;
    });
    // 2. Failure links breadth first. Each row is completed by copying its failure state's row (shallower, so
    //    already complete) and putting its own children back: the table becomes a full automaton.
    const fail = new Int32Array(states);
    const dictLink = new Int32Array(states);
    const queue = new Int32Array(states);
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const s = queue[head] as number;
      const f = fail[s] as number;
      if (s !== 0) table.copyWithin(s * k, f * k, f * k + k);
      for (let t = childHead[s] as number; t !== 0; t = sibling[t] as number) {
        const cls = edgeClass[t] as number;
        table[s * k + cls] = t;
        const ft = s === 0 ? 0 : (table[f * k + cls] as number);
        fail[t] = ft;
        dictLink[t] = (endId[ft] as number) >= 0 ? ft : (dictLink[ft] as number);
        queue[tail++] = t;
      }
      for (const [c, t] of this.wide.get(s) ?? []) {
        let ft = 0;
        if (s !== 0) {
          let g = f;
          while (g !== 0 && !this.wide.get(g)?.has(c)) g = fail[g] as number;
          ft = this.wide.get(g)?.get(c) ?? 0;
        }
        fail[t] = ft;
        dictLink[t] = (endId[ft] as number) >= 0 ? ft : (dictLink[ft] as number);
        queue[tail++] = t;
      }
    }
    this.delta = states < 65536 ? new Uint16Array(table.subarray(0, states * k)) : table.slice(0, states * k);
    this.fail = fail;
    this.endId = endId.slice(0, states);
    this.dictLink = dictLink;
  }

  toData(): ScannerData {
    const { size, classes, asciiClass, delta, fail, endId, dictLink } = this;
    const wide = [...this.wide].map(([s, edges]) => [s, [...edges]] as [number, [number, number][]]);
    return { size, classes, asciiClass, delta, fail, endId, dictLink, wide };
  }

  /** Calls `found(id)` for every literal id occurring in `text` (possibly more than once per id). */
  scan(text: string, found: (id: number) => void): void {
    const { delta, classes, asciiClass, wide, fail, endId, dictLink } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) s = delta[s * classes + (asciiClass[c] as number)] as number;
      else {
        let t = wide.get(s)?.get(c);
        while (t === undefined && s !== 0) {
          s = fail[s] as number;
          t = wide.get(s)?.get(c);
        }
        s = t ?? 0;
      }
      let u = (endId[s] as number) >= 0 ? s : (dictLink[s] as number);
      while (u !== 0) {
        found(endId[u] as number);
        u = dictLink[u] as number;
      }
    }
  }
}
