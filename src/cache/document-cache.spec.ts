import { VdnNotServedError } from '../common/errors/vdn-not-served.error';
import { CacheOperationUnavailableError } from './cache-store';
import { DocumentCache, DocumentCachePolicy } from './document-cache';
import { FlakyStore } from './flaky-store.spec-helpers';

const policy: DocumentCachePolicy = { freshMs: 1000, staleMs: 5000, waitMs: 200, fetchMs: 400, lockMs: 1000, pollMs: 5, l1Ms: 0, maxBytes: 1024 };

describe('DocumentCache', () => {
  let clock: number;
  let store: FlakyStore;
  let cache: DocumentCache<string[]>;
  let loads: number;
  let answer: () => Promise<string>;
  const load = () => {
    loads++;
    return answer();
  };

  beforeEach(() => {
    clock = 1_000_000;
    store = new FlakyStore(() => clock);
    cache = new DocumentCache(
      store,
      policy,
      (text) => JSON.parse(text) as string[],
      () => clock,
    );
    loads = 0;
    answer = async () => '["a","b"]';
  });

  it('loads once, then hits until the TTL, then refreshes', async () => {
    expect(await cache.read('k', load)).toMatchObject({ value: ['a', 'b'], state: 'miss', freshForS: 1 });
    expect(await cache.read('k', load)).toMatchObject({ state: 'hit' });
    expect(loads).toBe(1);
    clock += 1001;
    expect(await cache.read('k', load)).toMatchObject({ state: 'miss' });
    expect(loads).toBe(2);
  });

  it('answers a document over maxBytes without storing or keeping it, and says so each time', async () => {
    const told: Array<[string, number]> = [];
    cache = new DocumentCache(
      store,
      policy,
      (text) => JSON.parse(text) as string[],
      () => clock,
      (key, bytes) => told.push([key, bytes]),
    );
    const big = JSON.stringify(['\u00e9'.repeat(600)]);
    answer = async () => big;
    expect(await cache.read('k', load)).toMatchObject({ value: [big.slice(2, -2)], state: 'miss', freshForS: 0 });
    expect(await cache.read('k', load)).toMatchObject({ state: 'miss' });
    expect(loads).toBe(2);
    expect(await store.hmget('k', ['meta', 'tree'])).toEqual([null, null]);
    expect(told).toEqual([
      ['k', Buffer.byteLength(big)],
      ['k', Buffer.byteLength(big)],
    ]);
    store.failing.add('hmget');
    expect(await cache.read('k', load)).toMatchObject({ state: 'miss', freshForS: 0 });
    expect(told).toHaveLength(3);
  });

  it('keeps a document of exactly maxBytes', async () => {
    const exact = JSON.stringify(['x'.repeat(1024 - 4)]);
    answer = async () => exact;
    await cache.read('k', load);
    expect(await cache.read('k', load)).toMatchObject({ state: 'hit' });
  });

  it('gives the same ETag to the same document', async () => {
    const first = await cache.read('k', load);
    await cache.drop('k');
    expect((await cache.read('k', load)).etag).toBe(first.etag);
  });

  it('coalesces concurrent misses into one load', async () => {
    answer = () => new Promise((resolve) => setTimeout(() => resolve('["x"]'), 20));
    const reads = await Promise.all(Array.from({ length: 10 }, () => cache.read('k', load)));
    expect(loads).toBe(1);
    expect(new Set(reads.map((r) => r.etag)).size).toBe(1);
  });

  it('serves the stale document when the refresh fails, and fails when nothing is cached', async () => {
    await cache.read('k', load);
    clock += 2000;
    answer = async () => {
      throw new Error('iSales down');
    };
    expect(await cache.read('k', load)).toMatchObject({ value: ['a', 'b'], state: 'stale', freshForS: 0 });
    await expect(cache.read('other', load)).rejects.toThrow('iSales down');
    clock += 10_000;
    await expect(cache.read('k', load)).rejects.toThrow('iSales down');
  });

  it('never hides a VDN the gateway no longer serves behind the stale document', async () => {
    await cache.read('k', load);
    clock += 2000;
    answer = async () => {
      throw new VdnNotServedError(1);
    };
    await expect(cache.read('k', load)).rejects.toBeInstanceOf(VdnNotServedError);
  });

  it('answers from the loader when the store cannot be read', async () => {
    store.failing.add('hmget');
    expect(await cache.read('k', load)).toMatchObject({ value: ['a', 'b'], state: 'miss', freshForS: 0 });
    expect(await cache.read('k', load)).toMatchObject({ state: 'miss' });
    expect(loads).toBe(2);
  });

  it('does not load twice when only the write fails', async () => {
    store.failing.add('hset');
    expect(await cache.read('k', load)).toMatchObject({ value: ['a', 'b'], state: 'miss' });
    expect(loads).toBe(1);
  });

  it('refuses to pretend a drop worked when the store is down', async () => {
    store.failing.add('del');
    await expect(cache.drop('k')).rejects.toBeInstanceOf(CacheOperationUnavailableError);
  });

  describe('across replicas (one store, two caches)', () => {
    const replica = (options: Partial<DocumentCachePolicy> = {}) =>
      new DocumentCache(
        store,
        { ...policy, ...options },
        (text) => JSON.parse(text) as string[],
        () => clock,
      );

    it('a waiter that takes the lock right after its holder released it serves the stored tree', async () => {
      answer = () => new Promise((resolve) => setTimeout(() => resolve('["x"]'), 20));
      const tryLock = store.tryLock.bind(store);
      const holder = replica().read('k', load);
      // The waiter's first try for the lock comes just after the holder stored the tree and let go.
      let tries = 0;
      store.tryLock = async (key, token, ttlMs) => {
        if (tries++ > 0) await holder;
        return tryLock(key, token, ttlMs);
      };
      const a = holder;
      const b = replica().read('k', load);
      const [first, second] = await Promise.all([a, b]);
      expect(loads).toBe(1);
      expect(second).toMatchObject({ value: ['x'], state: 'miss', etag: first.etag });
    });

    it('renews the lease while the fetch runs, so a slow fetch keeps the lock', async () => {
      jest.useFakeTimers();
      try {
        const short = replica({ lockMs: 30, fetchMs: 10_000 });
        let release!: () => void;
        answer = () => new Promise((resolve) => (release = () => resolve('["slow"]')));
        const reading = short.read('k', load);
        for (let lease = 0; lease < 4; lease++) {
          await jest.advanceTimersByTimeAsync(15); // a renewal every 10 ms...
          clock += 20; // ...while the store's time runs past the 30 ms lease
        }
        expect(await store.tryLock('k:lock', 'intruder', 30)).toBe(false);
        release();
        await reading;
      } finally {
        jest.useRealTimers();
      }
      expect(await store.tryLock('k:lock', 'intruder', 30)).toBe(true);
    });
  });

  describe('with an L1', () => {
    const l1Policy = { ...policy, l1Ms: 300 };
    let l1: DocumentCache<string[]>;
    beforeEach(() => {
      l1 = new DocumentCache(
        store,
        l1Policy,
        (text) => JSON.parse(text) as string[],
        () => clock,
      );
    });

    it('answers hits from memory within the window after the store confirmed them, then asks the store again', async () => {
      expect(await l1.read('k', load)).toMatchObject({ state: 'miss' });
      const afterMiss = store.reads;
      clock += 299;
      expect(await l1.read('k', load)).toMatchObject({ value: ['a', 'b'], state: 'hit', freshForS: 0 });
      expect(store.reads).toBe(afterMiss);
      clock += 1;
      expect(await l1.read('k', load)).toMatchObject({ state: 'hit' });
      expect(store.reads).toBe(afterMiss + 1);
      clock += 100;
      await l1.read('k', load);
      expect(store.reads).toBe(afterMiss + 1);
      expect(loads).toBe(1);
    });

    it('never answers from memory past the freshness of the entry', async () => {
      await l1.read('k', load);
      clock += 1000;
      expect(await l1.read('k', load)).toMatchObject({ state: 'miss' });
      expect(loads).toBe(2);
    });

    it('forgets at once what another replica drops', async () => {
      const other = new DocumentCache(
        store,
        l1Policy,
        (text) => JSON.parse(text) as string[],
        () => clock,
      );
      await l1.read('k', load);
      await other.drop('k');
      expect(await l1.read('k', load)).toMatchObject({ state: 'miss' });
      expect(loads).toBe(2);
    });

    it('does not trust memory while invalidations are not heard', async () => {
      await l1.read('k', load);
      store.deaf = true;
      const before = store.reads;
      expect(await l1.read('k', load)).toMatchObject({ state: 'hit' });
      expect(store.reads).toBe(before + 1);
    });

    it('does not confirm an answer that an invalidation overtook', async () => {
      await l1.read('k', load);
      clock += 300;
      const reading = l1.read('k', load); // asks the store...
      await store.publishInvalidation('other'); // ...while an invalidation arrives
      expect(await reading).toMatchObject({ state: 'hit' });
      const before = store.reads;
      await l1.read('k', load);
      expect(store.reads).toBe(before + 1);
    });
  });
});
