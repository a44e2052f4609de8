/**
 * The time one iSales call may take, retries, waits for a slot and waits for the quota included.
 * A point in time, not a timer: whatever waits (a queue, the quota, an attempt) bounds its own wait
 * by `remainingMs()`, so a call that finds every slot free runs a single timer, its attempt's.
 */
export class CallDeadline {
  private readonly endsAt: number;

  constructor(readonly ms: number) {
    this.endsAt = performance.now() + ms;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - performance.now());
  }
}
