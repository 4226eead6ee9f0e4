// A list of signs (provider signs, clients) tested against one text. Each sign's regex is run only when the text
// holds one of the literals it cannot match without (anchors.ts: one scan per text for every list), so a text that
// holds none of a list's anchors costs no regex at all. Signs are still tried in list order, so `first` answers
// exactly what `signs.find(([, re]) => re.test(text))` answers.
import { anchorsOf, scanAnchors, seen } from './anchors.js';

type Sign = readonly [string, RegExp];

export class SignSet {
  /** Per sign, the anchor ids of which any match holds one; undefined: no anchor known, always run. */
  private readonly anchors: (number[] | undefined)[];

  constructor(readonly signs: readonly Sign[]) {
    this.anchors = signs.map(([, re]) => {
      // A global or sticky regex keeps state between calls: none is a sign, and test() would change it.
      if (re.global || re.sticky) throw new Error(`sign ${re} must not be global or sticky`);
      // Literals are folded to lower case and matched without case, so a case-sensitive regex only runs more often.
      return anchorsOf(re);
    });
  }

  private mayMatch(i: number): boolean {
    const ids = this.anchors[i];
    if (!ids) return true;
    for (const id of ids) if (seen(id)) return true;
    return false;
  }

  /** The first sign, in list order, that matches `text`. */
  first(text: string): Sign | undefined {
    scanAnchors(text);
    for (let i = 0; i < this.signs.length; i++) {
      const sign = this.signs[i] as Sign;
      if (this.mayMatch(i) && sign[1].test(text)) return sign;
    }
    return undefined;
  }

  /** Whether any sign matches `text`. */
  any(text: string): boolean {
    return this.first(text) !== undefined;
  }
}
