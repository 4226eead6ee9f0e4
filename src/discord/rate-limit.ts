// Per-user sliding-window limit, so one member cannot flood the bot (or make it flood the channel).

export class UserRateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a request; returns 0 when allowed, otherwise the milliseconds until the user may ask again. */
  take(userId: string): number {
    const t = this.now();
    const recent = (this.hits.get(userId) ?? []).filter((h) => t - h < this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(userId, recent);
      return recent[0]! + this.windowMs - t;
    }
    recent.push(t);
    this.hits.set(userId, recent);
    if (this.hits.size > 10_000) this.prune(t);
    return 0;
  }

  private prune(t: number): void {
    for (const [id, list] of this.hits) if (list.every((h) => t - h >= this.windowMs)) this.hits.delete(id);
  }
}
