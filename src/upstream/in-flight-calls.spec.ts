import { InFlightCalls, slotOf } from './in-flight-calls';

/** A call that settles when told to, counting how often it was started. */
function gated() {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const started: string[] = [];
  const start = (key: string) => async () => {
    started.push(key);
    await gate;
    return key;
  };
  return { start, started, open: () => open() };
}

/** Two different keys of one slot, found by trying (30 bits: a pair turns up within about 2^15 keys). */
function collidingKeys(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const key = `/vdn/2/file?ids=${i}`;
    const other = seen.get(slotOf(key));
    if (other !== undefined) return [other, key];
    seen.set(slotOf(key), key);
  }
}

describe('InFlightCalls', () => {
  it('lets a call with the same key join the one in flight, and starts the next one after it settled', async () => {
    const calls = new InFlightCalls();
    const { start, started, open } = gated();
    const first = calls.join('a', start('a'));
    const second = calls.join('a', start('a'));
    expect(second).toBe(first);
    open();
    await expect(Promise.all([first, second])).resolves.toEqual(['a', 'a']);
    expect(calls.size).toBe(0);
    await calls.join('a', start('a'));
    expect(started).toEqual(['a', 'a']);
  });

  it('never joins a call to another key, also when the two keys share a slot', async () => {
    const [one, other] = collidingKeys();
    expect(slotOf(one)).toBe(slotOf(other));
    const calls = new InFlightCalls();
    const { start, started, open } = gated();
    const answers = Promise.all([calls.join(one, start(one)), calls.join(other, start(other)), calls.join('b', start('b'))]);
    open();
    await expect(answers).resolves.toEqual([one, other, 'b']);
    expect(started).toEqual([one, other, 'b']);
    expect(calls.size).toBe(0);
  });

  it('shares a failure, and forgets the call once it failed', async () => {
    const calls = new InFlightCalls();
    let attempts = 0;
    const failing = () => {
      attempts++;
      return Promise.reject(new Error('no'));
    };
    const both = [calls.join('k', failing), calls.join('k', failing)];
    await expect(Promise.all(both)).rejects.toThrow('no');
    await expect(both[1]).rejects.toThrow('no');
    expect(attempts).toBe(1);
    expect(calls.size).toBe(0);
  });

  it('keys by a non-negative 30-bit integer', () => {
    for (const key of ['', 'a', '/api/v1/vdns/2/file-servers?ids=1', 'é'.repeat(500)]) {
      const slot = slotOf(key);
      expect(Number.isInteger(slot) && slot >= 0 && slot < 2 ** 30).toBe(true);
    }
  });
});
