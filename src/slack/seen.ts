// Remembers keys for a while: Slack redelivers events it thinks were not received (x-slack-retry-num, Socket
// Mode retry_attempt) and one message can arrive both as `message` and `app_mention`; each is answered once.

const SEEN_TTL_MS = 60 * 60 * 1000;
const SEEN_MAX_KEYS = 10_000;

export class SeenKeys {
  private readonly keys = new Map<string, number>();
  constructor(
    private readonly ttlMs = SEEN_TTL_MS,
    private readonly maxKeys = SEEN_MAX_KEYS,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time `key` is seen within the TTL; false for every repeat. */
  first(key: string): boolean {
    const t = this.now();
    const at = this.keys.get(key);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.keys.delete(key);
    this.keys.set(key, t);
    // Map keeps insertion order: the oldest keys go first.
    for (const [k, v] of this.keys) {
      if (this.keys.size <= this.maxKeys && t - v < this.ttlMs) break;
      this.keys.delete(k);
    }
    return true;
  }
}
