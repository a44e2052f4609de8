import { eventually } from './support/eventually';
import { fakeClock } from './support/clock';
import { freePort, RedisProcess } from './support/redis-server';
import { Gateway, startGateway, useSimulator } from './support/harness';

const PATH = '/api/v1/vdns/1/business-results';

// The Redis code path, against a real redis-server of the test's own and the simulator as iSales.
describe('business-result cache on Redis', () => {
  const backends = useSimulator({ redis: true });
  // A test that fakes the clock gets the real one back, whatever it ended with.
  afterEach(() => jest.useRealTimers());
  beforeEach(async () => {
    backends.simulator.clearFaults();
    backends.simulator.clearRequests();
    const client = backends.redis.client();
    await client.flushall();
    client.disconnect();
  });

  const fetches = () => backends.simulator.requests.filter((r) => r.operation === 'queryBusinessResults').length;
  const gateway = (env: Record<string, string> = {}) => startGateway(backends.simulator.url, { REDIS_URL: backends.redis.url, ...env });
  const get = (g: Gateway, path = PATH, init?: RequestInit) => g.fetch(path, init);

  it('stores the tree under one versioned, prefixed key and serves the second read without iSales', async () => {
    const g = await gateway({ REDIS_KEY_PREFIX: 'test-prefix:' });
    try {
      const first = await get(g);
      expect(first.status).toBe(200);
      expect(first.headers.get('x-cache')).toBe('miss');
      const second = await get(g, `${PATH}/ob-12`);
      expect(second.status).toBe(200);
      expect(second.headers.get('x-cache')).toBe('hit');
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(fetches()).toBe(1);
      const client = backends.redis.client();
      expect(await client.keys('*')).toEqual(['test-prefix:business-results:v1:1']);
      client.disconnect();
    } finally {
      await g.close();
    }
  });

  it('refreshes once after the TTL', async () => {
    const g = await gateway({ BUSINESS_RESULTS_TTL_S: '1' });
    try {
      await get(g);
      await get(g);
      expect(fetches()).toBe(1);
      const clock = fakeClock();
      try {
        clock.advance(1100);
        const after = await get(g);
        expect(after.headers.get('x-cache')).toBe('miss');
        await get(g);
        expect(fetches()).toBe(2);
      } finally {
        clock.restore();
      }
    } finally {
      await g.close();
    }
  });

  it('coalesces 50 concurrent cold reads over two instances into one upstream fetch, every time', async () => {
    backends.simulator.setFault('queryBusinessResults', { latencyMs: 100 });
    const [a, b] = await Promise.all([gateway(), gateway()]);
    try {
      for (let round = 0; round < 20; round++) {
        expect((await get(a, `${PATH}/cache`, { method: 'DELETE' })).status).toBe(204);
        backends.simulator.clearRequests();
        const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => get(i % 2 ? a : b)));
        expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
        const bodies = new Set(await Promise.all(responses.map((r) => r.text())));
        expect(bodies.size).toBe(1);
        expect({ round, fetches: fetches() }).toEqual({ round, fetches: 1 });
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);

  it('serves the stale tree when the refresh fails, and the error when nothing is cached', async () => {
    const g = await gateway({ BUSINESS_RESULTS_TTL_S: '1' });
    try {
      const fresh = await get(g);
      const clock = fakeClock();
      clock.advance(1100);
      for (const fault of [{ httpStatus: 500 }, { hang: true }, { drop: true }, { httpStatus: 401 }, { resultCode: '0299999' }]) {
        backends.simulator.setFault('queryBusinessResults', fault);
        const stale = await get(g);
        expect(stale.status).toBe(200);
        expect(stale.headers.get('x-cache')).toBe('stale');
        expect(stale.headers.get('cache-control')).toBe('private, max-age=0');
        expect(await stale.text()).toBe(await fresh.clone().text());
      }
      backends.simulator.setFault('queryBusinessResults', { httpStatus: 500 });
      expect((await get(g, '/api/v1/vdns/2/business-results')).status).toBe(502);
    } finally {
      await g.close();
    }
  });

  it('answers 304 to a matching If-None-Match, and DELETE forces a fresh fetch', async () => {
    const g = await gateway();
    try {
      const etag = (await get(g)).headers.get('etag')!;
      expect((await get(g, PATH, { headers: { 'if-none-match': etag } })).status).toBe(304);
      const dropped = await get(g, `${PATH}/cache`, { method: 'DELETE' });
      expect(dropped.status).toBe(204);
      expect(fetches()).toBe(1);
      const again = await get(g);
      expect(again.headers.get('x-cache')).toBe('miss');
      expect(again.headers.get('etag')).toBe(etag);
      expect(fetches()).toBe(2);
    } finally {
      await g.close();
    }
  });

  it('keeps answering from iSales while Redis is down, logs that once, and caches again when it is back', async () => {
    const own = await RedisProcess.start();
    backends.simulator.setFault('queryBusinessResults', { latencyMs: 50 });
    const g = await startGateway(backends.simulator.url, { REDIS_URL: own.url });
    try {
      expect((await get(g)).headers.get('x-cache')).toBe('miss');
      expect((await get(g)).headers.get('x-cache')).toBe('hit');
      const logsSinceStop = g.logs.mark();
      await own.stop();
      // Never a hang: each Redis command is bounded (REDIS_COMMAND_TIMEOUT_MS), so every read answers.
      for (let i = 0; i < 5; i++) {
        const response = await get(g);
        expect(response.status).toBe(200);
        expect(response.headers.get('x-cache')).toBe('miss');
      }
      expect(logsSinceStop().filter((l) => l.includes('Redis unavailable'))).toHaveLength(1);

      await own.start();
      let state = '';
      const cachesAgain = async () => (state = (await get(g)).headers.get('x-cache') ?? '') === 'hit';
      await eventually('the cache to serve hits again', cachesAgain, 6000, 100).catch(() => undefined);
      expect(state).toBe('hit');
      expect(logsSinceStop().filter((l) => l.includes('Redis available again'))).toHaveLength(1);
    } finally {
      await g.close();
      await own.stop();
    }
  });

  it('answers from iSales when REDIS_URL points at a closed port, and refuses to pretend a DELETE worked', async () => {
    const port = await freePort();
    const g = await startGateway(backends.simulator.url, { REDIS_URL: `redis://127.0.0.1:${port}/0` });
    try {
      for (let i = 0; i < 3; i++) {
        const response = await get(g);
        expect(response.status).toBe(200);
        expect(response.headers.get('x-cache')).toBe('miss');
      }
      const dropped = await get(g, `${PATH}/cache`, { method: 'DELETE' });
      expect(dropped.status).toBe(503);
      expect(dropped.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(dropped.headers.get('retry-after')).toBe('5');
    } finally {
      await g.close();
    }
  });
});
