import Redis from 'ioredis';
import { Simulator } from '../simulator/simulator';
import { RedisProcess } from './support/redis-server';
import { Gateway, startGateway, startSimulator } from './support/harness';

const PATH = '/api/v1/vdns/1/business-results';

/** Calls of each Redis command so far (INFO commandstats), e.g. { hmget: 3, publish: 1 }. */
async function commandCalls(client: Redis): Promise<Record<string, number>> {
  const info = await client.info('commandstats');
  return Object.fromEntries([...info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)].map(([, name, calls]) => [name, Number(calls)]));
}

// The in-process L1 in front of Redis: hits from memory, and drops heard by every replica at once.
describe('business-result L1', () => {
  let redis: RedisProcess;
  let client: Redis;
  let simulator: Simulator;
  const gateways: Gateway[] = [];

  beforeAll(async () => {
    redis = await RedisProcess.start();
    client = redis.client();
    simulator = await startSimulator();
  });
  afterAll(async () => {
    client?.disconnect();
    await simulator?.close();
    await redis?.stop();
  });
  beforeEach(async () => {
    simulator.clearRequests();
    await client.flushall();
  });
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((g) => g.close()));
  });

  const fetches = () => simulator.requests.filter((r) => r.operation === 'queryBusinessResults').length;
  async function gateway(env: Record<string, string> = {}): Promise<Gateway> {
    const started = await startGateway(simulator.url, { REDIS_URL: redis.url, ...env });
    gateways.push(started);
    return started;
  }
  async function read(g: Gateway, path = PATH, init?: RequestInit): Promise<Response> {
    const response = await g.fetch(path, init);
    await response.arrayBuffer();
    return response;
  }

  it('answers hits within the window from memory, without a Redis command', async () => {
    // A window far longer than the test, so a slow machine cannot make it lapse.
    const g = await gateway({ BUSINESS_RESULTS_L1_MS: '60000' });
    const miss = await read(g);
    expect(miss.headers.get('x-cache')).toBe('miss');
    const before = await commandCalls(client);
    for (const path of [PATH, `${PATH}?page=2&pageSize=5`, `${PATH}/ob-12`]) {
      const hit = await read(g, path);
      expect(hit.status).toBe(200);
      expect(hit.headers.get('x-cache')).toBe('hit');
      expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'));
    }
    expect(await read(g, PATH, { headers: { 'if-none-match': miss.headers.get('etag')! } })).toMatchObject({ status: 304 });
    const after = await commandCalls(client);
    // INFO itself is the only command in between.
    expect({ ...after, info: 0 }).toEqual({ ...before, info: 0 });
  });

  it('with BUSINESS_RESULTS_L1_MS=0, asks Redis on every hit', async () => {
    const g = await gateway({ BUSINESS_RESULTS_L1_MS: '0' });
    await read(g);
    const before = (await commandCalls(client)).hmget ?? 0;
    await read(g);
    await read(g);
    expect((await commandCalls(client)).hmget).toBe(before + 2);
  });

  it('makes a DELETE on one replica a miss on the other at once', async () => {
    const [a, b] = [await gateway({ BUSINESS_RESULTS_L1_MS: '60000' }), await gateway({ BUSINESS_RESULTS_L1_MS: '60000' })];
    expect((await read(a)).headers.get('x-cache')).toBe('miss');
    expect((await read(b)).headers.get('x-cache')).toBe('hit');
    expect((await read(b)).headers.get('x-cache')).toBe('hit');
    expect(fetches()).toBe(1);

    expect((await read(a, `${PATH}/cache`, { method: 'DELETE' })).status).toBe(204);
    expect((await read(b)).headers.get('x-cache')).toBe('miss');
    expect(fetches()).toBe(2);
    // And a's memory went too: its next read is the tree b just stored.
    expect((await read(a)).headers.get('x-cache')).toBe('hit');
    expect(fetches()).toBe(2);
  });
});
