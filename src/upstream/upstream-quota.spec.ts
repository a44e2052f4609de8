import { eventually } from '../../test/support/eventually';
import { LocalTokenSchedule, TokenSchedule, UpstreamQuota } from './upstream-quota';

describe('LocalTokenSchedule', () => {
  let now = 1000;
  const schedule = () => new LocalTokenSchedule(10, () => now);

  beforeEach(() => (now = 1000));

  it('hands out one token per 1/rps, and says how long until the next', async () => {
    const s = schedule();
    expect(await s.take()).toBe(0);
    expect(await s.take()).toBe(100);
    now += 40;
    expect(await s.take()).toBe(60);
    now += 60;
    expect(await s.take()).toBe(0);
    expect(await s.take()).toBe(100);
  });

  it('never saves up unused time for a burst', async () => {
    const s = schedule();
    await s.take();
    now += 10_000;
    expect(await s.take()).toBe(0);
    expect(await s.take()).toBe(100);
  });
});

describe('UpstreamQuota', () => {
  /** A schedule that records who asked, to show that only the head of the line does. */
  function counting(inner: TokenSchedule) {
    const counter = { asked: 0, take: async () => (counter.asked++, inner.take()) };
    return counter;
  }

  it('lets waiters through in order, one token each, with only the head of the line asking the schedule', async () => {
    const schedule = counting(new LocalTokenSchedule(50));
    const quota = new UpstreamQuota(schedule, 50);
    const order: number[] = [];
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => quota.acquire(5000).then((ok) => (order.push(i), ok))));
    expect(results).toEqual(Array(8).fill(true));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The head asks about twice per token (a timer may fire a hair early); if every waiter asked
    // each time a token came due, that would be at least 8 + 7 + ... + 1 = 36 questions.
    expect(schedule.asked).toBeLessThan(30);
  });

  it('gives up within its own wait, and the waiters behind keep their turn', async () => {
    const quota = new UpstreamQuota(new LocalTokenSchedule(5), 5);
    expect(await quota.acquire(0)).toBe(true);
    const [impatient, patient] = await Promise.all([quota.acquire(50), quota.acquire(1000)]);
    expect(impatient).toBe(false);
    expect(patient).toBe(true);
  });

  it('keeps a waiter that gave up in line, so nobody overtakes the one ahead of it', async () => {
    let release!: () => void;
    let takes = 0;
    const slow: TokenSchedule = { take: () => new Promise<number>((resolve) => (takes++, (release = () => resolve(0)))) };
    const quota = new UpstreamQuota(slow, 1000);
    const first = quota.acquire(5000);
    const second = quota.acquire(10);
    expect(await second).toBe(false);
    const third = quota.acquire(5000);
    expect(takes).toBe(1);
    release();
    expect(await first).toBe(true);
    await eventually('the third waiter to ask for its token', () => takes === 2);
    release();
    expect(await third).toBe(true);
  });

  it('says no at once when the waiters ahead alone need longer than the caller can wait', async () => {
    const quota = new UpstreamQuota(new LocalTokenSchedule(10), 10);
    const ahead = [quota.acquire(5000), quota.acquire(5000), quota.acquire(5000)];
    // At once: settled in the same turn, before any timer could run.
    expect(await Promise.race([quota.acquire(150), Promise.resolve('still waiting')])).toBe(false);
    await Promise.all(ahead);
  });
});
