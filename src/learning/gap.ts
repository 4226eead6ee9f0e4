// A coverage gap: one cluster of misses, as the reports show it.
import type { Signature } from './signature.js';

export interface Gap {
  clusterId: string;
  /** The Drain template, `<*>` for the variable parts. */
  template: string;
  /** Misses in the window asked for (all time when none). */
  count: number;
  /** Misses since the cluster was founded (within retention). */
  total: number;
  firstSeen: string;
  lastSeen: string;
  surfaces: string[];
  /** Up to 3 redacted pastes (their templates when STORE_PASTES=0). */
  samples: string[];
  /** The signature facts every member shares. */
  facts: Signature;
}
