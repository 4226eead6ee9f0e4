// A list of provider signs tested as one: the signs' regexes joined into one alternation per flag set, so a text
// that holds none of them (most texts, for most lists) costs one scan instead of one per sign. Only when the joined
// pattern matches are the signs tried one by one, in list order, so `first` answers exactly what `find` would.
import type { Sign } from './provider-signs.js';

export class SignSet {
  private readonly joined: RegExp[];

  constructor(readonly signs: readonly Sign[]) {
    const byFlags = new Map<string, string[]>();
    for (const [, re] of signs) {
      // A global or sticky regex keeps state between calls: none is a sign, and joining one would change it.
      if (re.global || re.sticky) throw new Error(`sign ${re} must not be global or sticky`);
      const list = byFlags.get(re.flags) ?? [];
      list.push(`(?:${re.source})`);
      byFlags.set(re.flags, list);
    }
    this.joined = [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
  }

  /** Whether any sign matches `text`. */
  any(text: string): boolean {
    for (const re of this.joined) if (re.test(text)) return true;
    return false;
  }

  /** The first sign, in list order, that matches `text`. */
  first(text: string): Sign | undefined {
    if (!this.any(text)) return undefined;
    for (const sign of this.signs) if (sign[1].test(text)) return sign;
    return undefined;
  }
}
