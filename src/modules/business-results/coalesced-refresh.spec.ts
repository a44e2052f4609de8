import { CoalescedRefresh } from './coalesced-refresh';

/** A clock that runs scheduled work only when told to. */
class ManualClock {
  private queue: Array<{ work: () => void; cancelled: boolean }> = [];
  readonly schedule = (work: () => void) => {
    const entry = { work, cancelled: false };
    this.queue.push(entry);
    return { cancel: () => (entry.cancelled = true) };
  };
  get pending(): number {
    return this.queue.filter((entry) => !entry.cancelled).length;
  }
  fire(): void {
    const due = this.queue;
    this.queue = [];
    for (const entry of due) if (!entry.cancelled) entry.work();
  }
}

describe('CoalescedRefresh', () => {
  let clock: ManualClock;
  let runs: number[];
  let finish: Array<() => void>;
  let refresh: CoalescedRefresh;
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    clock = new ManualClock();
    runs = [];
    finish = [];
    refresh = new CoalescedRefresh(
      1000,
      (vdnId) =>
        new Promise<void>((resolve) => {
          runs.push(vdnId);
          finish.push(resolve);
        }),
      clock.schedule,
    );
  });

  it('runs once for every request made before the run starts, per VDN', () => {
    for (let i = 0; i < 100; i++) refresh.request(1);
    refresh.request(2);
    expect(runs).toEqual([]);
    clock.fire();
    expect(runs).toEqual([1, 2]);
  });

  it('runs once more after a run during which requests came, and no more', async () => {
    refresh.request(1);
    clock.fire();
    refresh.request(1);
    refresh.request(1);
    expect(clock.pending).toBe(0);
    finish.shift()!();
    await settle();
    expect(clock.pending).toBe(1);
    clock.fire();
    expect(runs).toEqual([1, 1]);
    finish.shift()!();
    await settle();
    expect(clock.pending).toBe(0);
    refresh.request(1);
    expect(clock.pending).toBe(1);
  });

  it('forgets a failed run, so the next request schedules again', async () => {
    refresh = new CoalescedRefresh(1000, () => Promise.reject(new Error('down')), clock.schedule);
    refresh.request(1);
    clock.fire();
    await settle();
    refresh.request(1);
    expect(clock.pending).toBe(1);
  });

  it('schedules nothing once closed', () => {
    refresh.request(1);
    refresh.close();
    refresh.request(2);
    clock.fire();
    expect(runs).toEqual([]);
  });
});
