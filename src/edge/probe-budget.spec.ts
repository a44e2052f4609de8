import { ProbeBudget } from './probe-budget';

describe('ProbeBudget', () => {
  let clock: number;
  const budget = (perSecond: number, kept = 100) => new ProbeBudget(perSecond, kept, () => clock);

  beforeEach(() => (clock = 1_000_000));

  it('lets an address send its probes of a second, then refuses until the next second', () => {
    const probes = budget(3);
    expect([1, 2, 3, 4].map(() => probes.take('10.0.0.1'))).toEqual([true, true, true, false]);
    expect(probes.take('10.0.0.2')).toBe(true);
    clock += 999;
    expect(probes.take('10.0.0.1')).toBe(false);
    clock += 1;
    expect(probes.take('10.0.0.1')).toBe(true);
  });

  it('keeps at most the given number of addresses, forgetting the oldest', () => {
    const probes = budget(1, 2);
    expect(probes.take('a')).toBe(true);
    expect(probes.take('b')).toBe(true);
    expect(probes.take('c')).toBe(true);
    expect(probes.take('b')).toBe(false);
    expect(probes.take('a')).toBe(true);
  });
});
