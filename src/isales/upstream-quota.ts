/**
 * A cap on calls per second toward iSales (ISALES_MAX_RPS). A token bucket holding a single token,
 * refilled every 1/rps seconds, kept as the time the next token is due (GCRA): callers reserve
 * their slot in that schedule and wait for it, so calls leave evenly spaced and never in bursts,
 * and any one-second window holds at most rps calls (plus one at its edges).
 */
export abstract class UpstreamQuota {
  /** Reserves the next slot: the ms to wait before sending, or null when none is free within `maxWaitMs` (nothing is reserved then). */
  abstract reserve(maxWaitMs: number): Promise<number | null>;
}

/** The schedule in this process only: used without Redis, and while Redis is unavailable. */
export class LocalUpstreamQuota extends UpstreamQuota {
  private readonly intervalMs: number;
  private nextFreeAt = 0;

  constructor(
    callsPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    super();
    this.intervalMs = 1000 / callsPerSecond;
  }

  async reserve(maxWaitMs: number): Promise<number | null> {
    const now = this.now();
    const slot = Math.max(this.nextFreeAt, now);
    const waitMs = slot - now;
    if (waitMs > maxWaitMs) return null;
    this.nextFreeAt = slot + this.intervalMs;
    return waitMs;
  }
}
