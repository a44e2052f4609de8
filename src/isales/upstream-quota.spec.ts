import { LocalUpstreamQuota } from './upstream-quota';

describe('LocalUpstreamQuota', () => {
  let now = 1000;
  const quota = () => new LocalUpstreamQuota(10, () => now);

  beforeEach(() => (now = 1000));

  it('reserves evenly spaced slots, 1/rps apart', async () => {
    const q = quota();
    expect(await q.reserve(1000)).toBe(0);
    expect(await q.reserve(1000)).toBe(100);
    expect(await q.reserve(1000)).toBe(200);
    now += 250;
    expect(await q.reserve(1000)).toBe(50);
  });

  it('reserves nothing when the slot is further away than the caller can wait', async () => {
    const q = quota();
    await q.reserve(0);
    await q.reserve(100);
    expect(await q.reserve(150)).toBeNull();
    expect(await q.reserve(200)).toBe(200);
  });

  it('never saves up unused time for a burst', async () => {
    const q = quota();
    await q.reserve(0);
    now += 10_000;
    expect(await q.reserve(0)).toBe(0);
    expect(await q.reserve(1000)).toBe(100);
  });
});
