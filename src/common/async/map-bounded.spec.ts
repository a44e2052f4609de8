import { mapBounded } from './map-bounded';

describe('mapBounded', () => {
  /** A call per item that resolves when the test says, recording how many ran at once. */
  function tracked() {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const fn = async (item: number) => {
      started.push(item);
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      if (item < 0) throw new Error(`bad ${item}`);
      return item * 10;
    };
    return { fn, started, peak: () => peak };
  }

  it('keeps the order of the items and never more than the limit in flight', async () => {
    const t = tracked();
    expect(await mapBounded([1, 2, 3, 4, 5, 6, 7], 3, t.fn)).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(t.peak()).toBe(3);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const t = tracked();
    await expect(mapBounded([1, -2, 3, 4, 5, 6], 2, t.fn)).rejects.toThrow('bad -2');
    expect(t.started).toEqual([1, -2, 3]);
  });

  it('handles no items', async () => {
    expect(await mapBounded([], 4, tracked().fn)).toEqual([]);
  });
});
