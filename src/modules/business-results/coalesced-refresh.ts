/**
 * Refreshes per VDN, coalesced: a request schedules one run `delayMs` later, and every request
 * until it starts joins it; a request while it runs schedules one more after it. However many
 * writes arrive, a VDN costs at most one run per `delayMs` on this replica, and a write never
 * waits for one. `schedule` is the clock (tests pass their own).
 */
export class CoalescedRefresh {
  /** VDNs with a run scheduled or running ('again': one more is wanted after it). */
  private readonly state = new Map<number, 'scheduled' | 'running' | 'again'>();
  private readonly timers = new Set<{ cancel(): void }>();
  private closed = false;

  constructor(
    private readonly delayMs: number,
    private readonly run: (vdnId: number) => Promise<void>,
    private readonly schedule: (work: () => void, ms: number) => { cancel(): void } = unrefTimeout,
  ) {}

  request(vdnId: number): void {
    const current = this.state.get(vdnId);
    if (this.closed || current === 'scheduled' || current === 'again') return;
    if (current === 'running') this.state.set(vdnId, 'again');
    else this.later(vdnId);
  }

  /** Cancels what is scheduled; a run already started finishes on its own. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
  }

  private later(vdnId: number): void {
    this.state.set(vdnId, 'scheduled');
    const timer = this.schedule(() => {
      this.timers.delete(timer);
      void this.start(vdnId);
    }, this.delayMs);
    this.timers.add(timer);
  }

  private async start(vdnId: number): Promise<void> {
    this.state.set(vdnId, 'running');
    try {
      await this.run(vdnId);
    } catch {
      // `run` reports its own failures; a failed refresh leaves the next read to fetch.
    }
    if (this.state.get(vdnId) === 'again' && !this.closed) this.later(vdnId);
    else this.state.delete(vdnId);
  }
}

function unrefTimeout(work: () => void, ms: number): { cancel(): void } {
  const timer = setTimeout(work, ms);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}
