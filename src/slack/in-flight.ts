// Counts deliveries as they finish, so shutdown can wait for answers being written and tests can wait for
// "everything sent so far has been handled" without sleeping.

export class InFlight {
  private started = 0;
  private finished = 0;
  private waiters: Array<{ n: number; resolve: () => void }> = [];

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.started++;
    try {
      return await work();
    } finally {
      this.finished++;
      const done = this.waiters.filter((w) => this.finished >= w.n);
      this.waiters = this.waiters.filter((w) => this.finished < w.n);
      for (const w of done) w.resolve();
    }
  }

  /** Resolves once `n` deliveries in total have been fully handled. */
  handled(n: number): Promise<void> {
    if (this.finished >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  /** Resolves when nothing is being handled. */
  idle(): Promise<void> {
    return this.handled(this.started);
  }
}
