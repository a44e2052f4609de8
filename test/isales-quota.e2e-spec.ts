import { useReplicas } from './support/harness';

// ISALES_MAX_RPS: the fleet's calls to iSales, counted in the simulator's request log.

const RPS = 10;

/** The most requests any one-second window of the log holds. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('fleet-wide quota toward iSales', () => {
  // A Redis command slower than REDIS_COMMAND_TIMEOUT_MS counts as an outage (the quota then holds
  // per instance); on this busy machine that would be a false alarm, not what is tested here.
  const env = { REDIS_COMMAND_TIMEOUT_MS: '5000', ISALES_MAX_RPS: String(RPS), ISALES_TIMEOUT_MS: '15000' };
  const replicas = useReplicas([env, env]);
  beforeEach(() => replicas.simulator.clearRequests());

  /** `count` distinct reads (no coalescing), alternating between the two instances, all at once. */
  const burst = (count: number, firstPage = 1) =>
    Promise.all(Array.from({ length: count }, (_, i) => replicas.gateways[i % 2].fetch(`/api/v1/vdns/1/file-servers?pageSize=1&page=${firstPage + i}`)));

  it(`two instances sharing Redis send at most ${RPS} calls in any second (plus one for window edges)`, async () => {
    const responses = await burst(35);
    expect(responses.map((r) => r.status)).toEqual(Array(35).fill(200));
    const times = replicas.simulator.requests.map((r) => Date.parse(r.at));
    expect(times).toHaveLength(35);
    expect(busiestSecond(times)).toBeLessThanOrEqual(RPS + 1);
  }, 30000);

  it('keeps serving when Redis is down, the quota then holding per instance', async () => {
    await replicas.redis.stop();
    try {
      const responses = await burst(6, 100);
      expect(responses.map((r) => r.status)).toEqual(Array(6).fill(200));
      expect(busiestSecond(replicas.simulator.requests.map((r) => Date.parse(r.at)))).toBeLessThanOrEqual(2 * RPS + 1);
    } finally {
      await replicas.redis.start();
    }
  }, 30000);
});
