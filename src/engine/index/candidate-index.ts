// Selects the rules that can possibly match a set of facts: one Aho–Corasick pass over the text for every
// rule literal, plus hash look-ups for exact fact values and fact presence. Built once when rules load.

import { isScannerData, LiteralScanner, type ScannerData } from '../../scan/aho-corasick.js';
import type { Facts } from '../../types.js';
import { type FactReader, factReader } from '../compile.js';
import type { Requirement } from './requirements.js';

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

export interface IndexStats {
  rules: number;
  /** Rules with no indexable requirement: evaluated on every run. */
  always: number;
  literals: number;
  exactFacts: number;
  presenceFacts: number;
}

export class CandidateIndex {
  private readonly always: number[] = [];
  private readonly literalRules: number[][] = [];
  private readonly scanner: LiteralScanner;
  private readonly exact = new Map<string, { read: FactReader; byValue: Map<unknown, number[]> }>();
  private readonly presence = new Map<string, { read: FactReader; rules: number[] }>();
  // Reused on every run: selection is synchronous, so one set of marks serves every caller in turn.
  private readonly ruleMark: Uint32Array;
  private readonly literalMark: Uint32Array;
  private epoch = 0;
  private readonly picked: number[] = [];
  private readonly onLiteral: (id: number) => void;

  /**
   * `requirements[i]` is rule i's requirement; undefined makes rule i always a candidate. `scanner` is the built
   * literal scanner of an index over the same requirements (`scannerData()`, kept by the rule cache).
   */
  constructor(requirements: readonly Requirement[], scanner?: ScannerData) {
    const literalIds = new Map<string, number>();
    for (const [rule, req] of requirements.entries()) {
      if (!req) {
        this.always.push(rule);
        continue;
      }
      for (const key of req) {
        if (key.kind === 'literal') {
          let id = literalIds.get(key.literal);
          if (id === undefined) {
            id = literalIds.size;
            literalIds.set(key.literal, id);
            this.literalRules.push([]);
          }
          (this.literalRules[id] as number[]).push(rule);
        } else if (key.kind === 'exact') {
          const entry = getOrAdd(this.exact, key.fact, () => ({ read: factReader(key.fact), byValue: new Map() }));
          const list = entry.byValue.get(key.value);
          if (list) list.push(rule);
          else entry.byValue.set(key.value, [rule]);
        } else {
          getOrAdd(this.presence, key.fact, () => ({ read: factReader(key.fact), rules: [] as number[] })).rules.push(
            rule,
          );
        }
      }
    }
    const built = isScannerData(scanner) && scanner.size === literalIds.size ? scanner : undefined;
    this.scanner = new LiteralScanner([...literalIds.keys()], built);
    this.ruleMark = new Uint32Array(requirements.length);
    this.literalMark = new Uint32Array(literalIds.size);
    this.onLiteral = (id) => {
      if (this.literalMark[id] === this.epoch) return;
      this.literalMark[id] = this.epoch;
      this.pickAll(this.literalRules[id] as number[]);
    };
  }

  /** The built literal scanner, for the rule cache. */
  scannerData(): ScannerData {
    return this.scanner.toData();
  }

  get stats(): IndexStats {
    return {
      rules: this.ruleMark.length,
      always: this.always.length,
      literals: this.scanner.size,
      exactFacts: this.exact.size,
      presenceFacts: this.presence.size,
    };
  }

  private pickAll(rules: readonly number[]): void {
    const { ruleMark, epoch, picked } = this;
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i] as number;
      if (ruleMark[r] !== epoch) {
        ruleMark[r] = epoch;
        picked.push(r);
      }
    }
  }

  /**
   * Indices of the candidate rules for `facts`, ascending. The returned array is reused by the next call:
   * read it before selecting again.
   */
  select(facts: Facts): readonly number[] {
    if (++this.epoch === 0xffffffff) this.reset();
    this.picked.length = 0;
    this.pickAll(this.always);
    const text = facts.text;
    // A non-string text (a caller's mistake) cannot be scanned: every rule with a literal stays a candidate.
    if (typeof text === 'string') this.scanner.scan(text, this.onLiteral);
    else for (const rules of this.literalRules) this.pickAll(rules);
    for (const { read, byValue } of this.exact.values()) {
      const v = read(facts);
      if (v === undefined || v === null || typeof v === 'object') continue;
      const rules = byValue.get(v);
      if (rules) this.pickAll(rules);
    }
    for (const { read, rules } of this.presence.values()) {
      const v = read(facts);
      if (v !== undefined && v !== null) this.pickAll(rules);
    }
    return this.picked.sort((a, b) => a - b);
  }

  private reset(): void {
    this.ruleMark.fill(0);
    this.literalMark.fill(0);
    this.epoch = 1;
  }
}
