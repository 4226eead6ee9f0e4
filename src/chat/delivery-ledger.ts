// Exactly-once answers across replicas. Slack redelivers an event it thinks was not received (and a load balancer
// may hand the retry to another replica); a gateway resume can replay a Discord interaction. Before answering,
// a surface claims the delivery's id here: the first claim wins, a finished delivery is a duplicate, and a claim
// whose holder went quiet for longer than its lease (the replica was killed mid-answer) can be taken over — so a
// delivery is answered once and a killed replica loses nothing it had not acknowledged. A holder marks how far its
// answer got (which message it posted) as it goes; the replica that takes a lapsed claim over reads that mark and
// finishes the answer instead of posting it a second time. The memory ledger is the embedded default (one
// process); the database ledger is shared by every replica.

/** `resumed`: claimed, by taking over a lapsed claim — part of the answer may already be out (see `progress`). */
export type ClaimResult = 'claimed' | 'resumed' | 'done' | 'in_progress';

export interface DeliveryLedger {
  /** Claim `key` for `owner` (unless someone else holds it within its lease, or it is done). */
  claim(key: string, owner: string, leaseMs: number): Promise<ClaimResult>;
  /** Record how far the answer to `key` got (surface-defined); the claim's lease starts again. */
  mark(key: string, progress: string): Promise<void>;
  /** The last mark of `key` (read after a `resumed` claim). */
  progress(key: string): Promise<string | undefined>;
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

interface MemoryClaim {
  done: boolean;
  owner: string;
  at: number;
  progress?: string;
}

export function createMemoryDeliveryLedger(now: () => number = Date.now): DeliveryLedger {
  const claims = new Map<string, MemoryClaim>();
  return {
    shared: false,
    async claim(key, owner, leaseMs) {
      const t = now();
      const hit = claims.get(key);
      let resumed: MemoryClaim | undefined;
      if (hit && t - hit.at < DELIVERY_MEMORY_MS) {
        if (hit.done) return 'done';
        if (t - hit.at < leaseMs) return 'in_progress';
        resumed = hit;
      }
      claims.delete(key);
      claims.set(key, { done: false, owner, at: t, progress: resumed?.progress });
      // A Map keeps insertion order: the first key is the oldest.
      while (claims.size > MEMORY_MAX) claims.delete(claims.keys().next().value!);
      return resumed ? 'resumed' : 'claimed';
    },
    async mark(key, progress) {
      const hit = claims.get(key);
      if (hit && !hit.done) Object.assign(hit, { progress, at: now() });
    },
    async progress(key) {
      return claims.get(key)?.progress;
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
