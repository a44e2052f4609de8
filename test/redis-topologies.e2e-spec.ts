import { createHash } from 'node:crypto';
import { eventually } from './support/eventually';
import { SseReader, waitFor } from './support/sse-reader';
import Redis, { Cluster } from 'ioredis';
import { Simulator } from '../simulator/simulator';
import { BUSINESS_RESULT_EXAMPLES } from '../src/modules/business-results/business-result.example';
import { Gateway, startGateway, startSimulator, TEST_API_KEY } from './support/harness';
import { RedisTopology } from './support/redis-topology';

const PATH = '/api/v1/vdns/1/business-results';
const KEY = 'isales-gateway:business-results:v1:1';
const MASTER_NAME = 'gateway-e2e-master';
const CALLBACK_TOKEN = 'cluster-callback-token-0123456789';

// The gateway against Sentinel and Cluster deployments made of local Debian redis-server processes.
jest.setTimeout(15000);

/** Two reads of VDN 1: a miss that fetches the seed tree from iSales once, then a hit; and readiness. */
async function expectCachedReads(gateway: Gateway, simulator: Simulator): Promise<void> {
  const first = await gateway.fetch(PATH);
  expect(first.status).toBe(200);
  expect(first.headers.get('x-cache')).toBe('miss');
  const body = (await first.json()) as { items: Array<{ code: string }>; total: number };
  expect(body.items.map((item) => item.code)).toEqual(['11111', 'test', '15105671']);
  expect(body).toEqual({ items: BUSINESS_RESULT_EXAMPLES, page: 1, pageSize: 20, total: 3 });

  const second = await gateway.fetch(PATH);
  expect(second.status).toBe(200);
  expect(second.headers.get('x-cache')).toBe('hit');
  expect(await second.json()).toEqual(body);

  expect(simulator.requests.filter((r) => r.operation === 'queryBusinessResults')).toHaveLength(1);

  const ready = await gateway.fetch(`/health/ready`);
  expect(ready.status).toBe(200);
  const health = (await ready.json()) as { details: Record<string, { status: string; backend?: string }> };
  expect(health.details.cache).toEqual({ status: 'up', backend: 'redis' });
}

/**
 * A gateway in front of a simulator of its own, on the Redis deployment `start` makes of `topology`
 * and configured by `env` (read once the topology is up): started before the describe's tests,
 * stopped after them. Call it inside `describe`.
 */
function useGatewayOn(topology: RedisTopology, start: () => Promise<void>, env: () => Record<string, string>) {
  let simulator: Simulator | undefined;
  let gateway: Gateway | undefined;
  beforeAll(async () => {
    await start();
    simulator = await startSimulator();
    gateway = await startGateway(simulator.url, env());
  });
  afterAll(async () => {
    await gateway?.close();
    await simulator?.close();
    await topology.stop();
  });
  return {
    get simulator(): Simulator {
      return simulator!;
    },
    get gateway(): Gateway {
      return gateway!;
    },
  };
}

describe('Redis Sentinel (one master, one replica, three sentinels)', () => {
  const topology = new RedisTopology();
  const stack = useGatewayOn(
    topology,
    () => topology.startSentinel(MASTER_NAME),
    () => ({ REDIS_SENTINELS: RedisTopology.list(topology.sentinelPorts), REDIS_SENTINEL_NAME: MASTER_NAME }),
  );

  it('caches the business-result tree on the master the sentinels name, and it reaches the replica', async () => {
    await expectCachedReads(stack.gateway, stack.simulator);

    const [masterPort, replicaPort] = topology.nodePorts;
    // Through the sentinels, as any client would find the master.
    const viaSentinel = new Redis({ sentinels: topology.sentinelPorts.map((port) => ({ host: '127.0.0.1', port })), name: MASTER_NAME });
    const master = new Redis(masterPort, '127.0.0.1');
    const replica = new Redis(replicaPort, '127.0.0.1');
    try {
      expect(await viaSentinel.exists(KEY)).toBe(1);
      expect(await viaSentinel.hkeys(KEY)).toEqual(expect.arrayContaining(['meta', 'tree']));
      expect(await master.keys('isales-gateway:*')).toEqual([KEY]);
      expect(await master.pttl(KEY)).toBeGreaterThan(0);
      await eventually('the key replicated (replication is asynchronous)', async () => (await replica.exists(KEY)) === 1, 8000);
      expect(await replica.hget(KEY, 'tree')).toBe(await master.hget(KEY, 'tree'));
    } finally {
      viaSentinel.disconnect();
      master.disconnect();
      replica.disconnect();
    }
  });
});

describe('Redis Cluster (three masters)', () => {
  const topology = new RedisTopology();
  const stack = useGatewayOn(
    topology,
    () => topology.startCluster(),
    () => ({
      REDIS_CLUSTER_NODES: RedisTopology.list(topology.nodePorts),
      ISALES_CALLBACK_TOKENS: JSON.stringify([{ token: createHash('sha256').update(CALLBACK_TOKEN).digest('hex'), vdns: '*' }]),
    }),
  );

  it('caches the business-result tree in the cluster, on the node that owns its slot', async () => {
    await expectCachedReads(stack.gateway, stack.simulator);

    const cluster = new Cluster(topology.nodePorts.map((port) => ({ host: '127.0.0.1', port })));
    try {
      expect(await cluster.exists(KEY)).toBe(1);
      expect(await cluster.hkeys(KEY)).toEqual(expect.arrayContaining(['meta', 'tree']));
      expect(await cluster.pttl(KEY)).toBeGreaterThan(0);
      // KEYS is per node: exactly one master holds the key (the lock is gone), the one owning its slot.
      const slot = Number(await cluster.call('cluster', 'keyslot', KEY));
      const ranges = (await cluster.call('cluster', 'slots')) as Array<[number, number, [string, number]]>;
      const owner = ranges.find(([from, to]) => slot >= from && slot <= to)![2][1];
      const keysPerNode = await Promise.all(
        topology.nodePorts.map(async (port) => {
          const node = new Redis(port, '127.0.0.1');
          try {
            return [port, await node.keys('isales-gateway:*')] as const;
          } finally {
            node.disconnect();
          }
        }),
      );
      expect(keysPerNode.filter(([, keys]) => keys.length > 0)).toEqual([[owner, [KEY]]]);
    } finally {
      cluster.disconnect();
    }
  });

  it('keeps pushed call results once in a VDN stream (one slot: its hash tag), streamed and paged', async () => {
    const reader = new SseReader(`${stack.gateway.url}/api/v1/vdns/1/call-results/events`, { 'x-api-key': TEST_API_KEY });
    try {
      await waitFor(() => reader.comments > 0, 10000, 'the stream to open');
      const push = (callId: string) =>
        fetch(`${stack.gateway.url}/callbacks/isales/call-results/${CALLBACK_TOKEN}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify([{ callId, vdnId: 1, campaignId: '3', callStatus: 6 }]),
        });
      for (const callId of ['k-1', 'k-1', 'k-2']) expect((await push(callId)).status).toBe(200);
      await waitFor(() => reader.events.length >= 2, 10000, 'two events');
      expect(reader.events.map((event) => (JSON.parse(event.data) as { callId: string }).callId)).toEqual(['k-1', 'k-2']);
      const page = (await (await stack.gateway.fetch('/api/v1/vdns/1/call-results')).json()) as { items: { record: { callId: string } }[] };
      expect(page.items.map((item) => item.record.callId)).toEqual(['k-1', 'k-2']);
    } finally {
      reader.close();
    }
  });
});
