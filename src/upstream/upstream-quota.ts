import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Where the quota's tokens live: a bucket holding a single token, refilled every 1/rps seconds,
 * kept as the time the next token is due (GCRA). Calls thus leave evenly spaced, never in bursts,
 * and any one-second window holds at most rps calls (plus one at its edges).
 */
export interface TokenSchedule {
  /** Takes the token if it is due: 0; else nothing is taken and the answer is the ms until it is. */
  take(): Promise<number>;
}

/** The schedule in this process only: used without Redis, and while Redis is unavailable. */
export class LocalTokenSchedule implements TokenSchedule {
  private readonly intervalMs: number;
  private nextDueAt = Number.NEGATIVE_INFINITY;

  constructor(
    callsPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.intervalMs = 1000 / callsPerSecond;
  }

  async take(): Promise<number> {
    const now = this.now();
    if (this.nextDueAt > now) return this.nextDueAt - now;
    this.nextDueAt = now + this.intervalMs;
    return 0;
  }
}

/**
 * A cap on calls per second toward iSales (ISALES_MAX_RPS). Waiters of one instance queue in
 * order and only the first asks the schedule, so a shared schedule sees one question per
 * instance per token, not one per waiting call. A token is taken just before the call leaves
 * (never reserved ahead), so a late timer cannot bunch calls together.
 */
export class UpstreamQuota {
  private readonly intervalMs: number;
  private last: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(
    private readonly schedule: TokenSchedule,
    callsPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.intervalMs = 1000 / callsPerSecond;
  }

  /** True once a token is taken (send now); false when none could be had within `maxWaitMs`. */
  async acquire(maxWaitMs: number): Promise<boolean> {
    // Each waiter ahead needs a token first: when that alone takes too long, say so at once.
    if (this.waiting * this.intervalMs > maxWaitMs) return false;
    const giveUpAt = this.now() + maxWaitMs;
    const previous = this.last;
    this.waiting++;
    let done!: () => void;
    this.last = new Promise((resolve) => (done = resolve));
    try {
      if (!(await within(previous, maxWaitMs))) return false;
      for (;;) {
        const waitMs = await this.schedule.take();
        if (waitMs === 0) return true;
        if (this.now() + waitMs > giveUpAt) return false;
        await sleep(Math.ceil(waitMs));
      }
    } finally {
      this.waiting--;
      // A waiter that gave up early still keeps its place, so the order holds for those behind it.
      void previous.then(done);
    }
  }
}

/** Whether `turn` settles within `ms`. */
async function within(turn: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([turn.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
