// One pass over a text finds which of many literals occur in it (Aho–Corasick). ASCII letters are folded to
// lower case while scanning, so the text is neither copied nor lower-cased; literals must already be folded
// (see regex-literals.ts, which only emits ASCII and caseless characters).

export class LiteralScanner {
  /** Per state: transitions keyed by UTF-16 code unit. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Per state: the literal ids that end here, including those reached through failure links. */
  private readonly out: number[][] = [[]];
  /** Fast path for state 0: ASCII transitions in a flat table (-1 = none). */
  private readonly rootAscii = new Int32Array(128).fill(-1);
  readonly size: number;

  constructor(literals: readonly string[]) {
    this.size = literals.length;
    literals.forEach((lit, id) => {
      let s = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        const edges = this.next[s] as Map<number, number>;
        let t = edges.get(c);
        if (t === undefined) {
          t = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          edges.set(c, t);
        }
        s = t;
      }
      (this.out[s] as number[]).push(id);
    });
    this.link();
    for (const [c, t] of this.next[0] as Map<number, number>) if (c < 128) this.rootAscii[c] = t;
  }

  private link(): void {
    const queue: number[] = [];
    for (const t of (this.next[0] as Map<number, number>).values()) queue.push(t);
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head] as number;
      for (const [c, t] of this.next[s] as Map<number, number>) {
        let f = this.fail[s] as number;
        while (f !== 0 && !(this.next[f] as Map<number, number>).has(c)) f = this.fail[f] as number;
        const g = (this.next[f] as Map<number, number>).get(c);
        const target = g !== undefined && g !== t ? g : 0;
        this.fail[t] = target;
        const inherited = this.out[target] as number[];
        if (inherited.length) this.out[t] = [...(this.out[t] as number[]), ...inherited];
        queue.push(t);
      }
    }
  }

  /** Calls `found(id)` for every literal id occurring in `text` (possibly more than once per id). */
  scan(text: string, found: (id: number) => void): void {
    const { next, fail, out, rootAscii } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      if (s === 0) {
        const t = c < 128 ? (rootAscii[c] as number) : ((next[0] as Map<number, number>).get(c) ?? -1);
        if (t < 0) continue;
        s = t;
      } else {
        let t = (next[s] as Map<number, number>).get(c);
        while (t === undefined && s !== 0) {
          s = fail[s] as number;
          t = (next[s] as Map<number, number>).get(c);
        }
        s = t ?? 0;
      }
      const ids = out[s] as number[];
      for (let k = 0; k < ids.length; k++) found(ids[k] as number);
    }
  }
}
