/**
 * The time one iSales call may take, retries, waits for a slot and waits for the quota included.
 * Its signal aborts the attempt in flight when the time is up.
 */
export class CallDeadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly endsAt: number;

  constructor(readonly ms: number) {
    this.endsAt = performance.now() + ms;
    this.timer = setTimeout(() => this.controller.abort(), ms);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - performance.now());
  }

  /**
   * Settles like `work`, or rejects with `onExpiry()` the moment the deadline passes, whatever
   * `work` is waiting for (a slot, a token, an answer); `work` is then left to fail on its own.
   */
  bound<T>(work: Promise<T>, onExpiry: () => Error): Promise<T> {
    if (this.expired) {
      work.catch(() => undefined);
      return Promise.reject(onExpiry());
    }
    return new Promise<T>((resolve, reject) => {
      const expire = () => reject(onExpiry());
      this.signal.addEventListener('abort', expire, { once: true });
      work.then(resolve, reject).finally(() => this.signal.removeEventListener('abort', expire));
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
