// Exactly-once answers across replicas. Slack redelivers an event it thinks was not received (and a load balancer
// may hand the retry to another replica); a gateway resume can replay a Discord interaction. Before answering,
// a surface claims the delivery's id here: the first claim wins, a finished delivery is a duplicate, and a claim
// whose holder went quiet for longer than its lease (the replica was killed mid-answer) can be taken over — so a
// delivery is answered once and a killed replica loses nothing it had not acknowledged. The memory ledger is the
// embedded default (one process); the database ledger is shared by every replica.

export type ClaimResult = 'claimed' | 'done' | 'in_progress';

export interface DeliveryLedger {
  /** Claim `key` for `owner` (unless someone else holds it within its lease, or it is done). */
  claim(key: string, owner: string, leaseMs: number): Promise<ClaimResult>;
  /** The answer went out: every later claim of `key` is a duplicate. */
  finish(key: string): Promise<void>;
  /** The answer failed: the next delivery of `key` may try again at once. */
  release(key: string): Promise<void>;
  /** True when replicas share it (then "in progress elsewhere" is worth a retry, not a silent drop). */
  readonly shared: boolean;
}

/** How long a finished delivery is remembered: Slack retries for about an hour at most. */
const DELIVERY_MEMORY_MS = 2 * 60 * 60 * 1000;
/** A claim older than this, unfinished, belongs to a replica that died: another may take over. */
export const DELIVERY_LEASE_MS = 30_000;
const MEMORY_MAX = 20_000;

export function createMemoryDeliveryLedger(now: () => number = Date.now): DeliveryLedger {
  const claims = new Map<string, { done: boolean; owner: string; at: number }>();
  return {
    shared: false,
    async claim(key, owner, leaseMs) {
      const t = now();
      const hit = claims.get(key);
      if (hit && t - hit.at < DELIVERY_MEMORY_MS) {
        if (hit.done) return 'done';
        if (t - hit.at < leaseMs) return 'in_progress';
      }
      claims.delete(key);
      claims.set(key, { done: false, owner, at: t });
      // A Map keeps insertion order: the first key is the oldest.
      while (claims.size > MEMORY_MAX) claims.delete(claims.keys().next().value!);
      return 'claimed';
    },
    async finish(key) {
      const hit = claims.get(key);
      if (hit) hit.done = true;
    },
    async release(key) {
      claims.delete(key);
    },
  };
}
