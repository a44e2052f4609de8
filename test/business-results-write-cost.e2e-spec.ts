import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { Simulator } from '../simulator/simulator';
import { METRICS } from '../src/telemetry/metric-names';
import { GatewayProcess, PROCESS_TEST_TIMEOUT_MS, startGatewayProcess } from './support/gateway-process';
import { startSimulator, TEST_AK, TEST_API_KEY, TEST_SK, useStack } from './support/harness';
import { jsonInit } from './support/json-request';
import { expectProblem } from './support/problem-expectations';
import { scrape } from './support/metrics-scrape';
import { RedisProcess } from './support/redis-server';

const WRITES = 300;
const CHILDREN = 100;
/** What one write may cost in queryBusinessResults calls: the first and the last one-definition page. */
const LOOKUPS_PER_WRITE = 2;
/** Everything else over the loop (the coalesced background refreshes) may not cost more than one call a write. */
const CALLS_PER_WRITE = LOOKUPS_PER_WRITE + 1;
const RSS_LIMIT_BYTES = 200 * 1024 * 1024;

/** The process's resident set, as the kernel counts it (what a container's memory limit sees). */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

/**
 * Another tenant's reader, in a process of its own so that its timings are the gateway's answers and
 * not this process's event loop (which also runs the simulator and the writer): 1000 reads to warm
 * up, 1000 before the writes (quiet), then reads one after another until `stop` (during).
 */
const READER = `
  const times = { warm: [], quiet: [], during: [] };
  let phase = 'warm';
  process.on('message', () => process.send(times, () => process.exit(0)));
  (async () => {
    for (;;) {
      const started = performance.now();
      const response = await fetch(process.argv[1], { headers: { 'x-api-key': process.argv[2] } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error('status ' + response.status);
      times[phase].push(performance.now() - started);
      if (phase === 'warm' && times.warm.length === 1000) phase = 'quiet';
      if (phase === 'quiet' && times.quiet.length === 1000) {
        phase = 'during';
        process.send('quiet done');
      }
    }
  })();`;

type ReaderTimes = { quiet: number[]; during: number[] };

async function startReader(url: string): Promise<{ stop(): Promise<ReaderTimes> }> {
  const child = spawn(process.execPath, ['-e', READER, url, TEST_API_KEY], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the reader exited (${String(code)})`);
  });
  const message = () => Promise.race([once(child, 'message').then(([value]) => value as unknown), exited]);
  await message();
  return {
    stop: async () => {
      child.send('stop');
      return (await message()) as ReaderTimes;
    },
  };
}

function percentile(values: number[], p: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor(sorted.length * p)] ?? 0).toFixed(2);
}

/** A write as an attacker would send it: a parent with a hundred described children (about 35 KB). */
function definition(n: number): unknown {
  return {
    name: `Cost ${n}`,
    code: `cost-${n}`,
    description: 'd'.repeat(200),
    children: Array.from({ length: CHILDREN }, (_, i) => ({ name: `Child ${n} ${i}`, code: `cost-${n}-${i}`, description: 'c'.repeat(200) })),
  };
}

describe('a business-result write costs the same however large the tree (gateway process + redis + simulator)', () => {
  let simulator: Simulator;
  let redis: RedisProcess;
  let gateway: GatewayProcess;

  beforeAll(async () => {
    [simulator, redis] = await Promise.all([startSimulator(), RedisProcess.start()]);
    // Node's flags as the container runs it (Dockerfile, Helm deployment).
    gateway = await startGatewayProcess({ ISALES_BASE_URL: simulator.url, ISALES_AK: TEST_AK, ISALES_SK: TEST_SK, REDIS_URL: redis.url, LOG_LEVEL: 'warn' }, [
      '--max-semi-space-size=8',
      '--heap-growing-percent=50',
    ]);
  }, PROCESS_TEST_TIMEOUT_MS);
  afterAll(async () => {
    gateway?.child.kill('SIGKILL');
    await Promise.all([simulator?.close(), redis?.stop()]);
  });

  it(
    `${WRITES} writes of ${CHILDREN} children: at most ${LOOKUPS_PER_WRITE} lookups each, ${CALLS_PER_WRITE} calls a write in all, RSS within 200 MB`,
    async () => {
      const reader = await startReader(`${gateway.url}/api/v1/vdns/2/business-results`);
      const queries = () => simulator.requests.filter((r) => r.operation === 'queryBusinessResults' && r.vdnId === 1);
      const before = queries().length;
      let times: ReaderTimes;
      let maxRss = rssOf(gateway.child.pid!);
      let maxLookups = 0;
      try {
        for (let n = 0; n < WRITES; n++) {
          const lookupsBefore = queries().filter((r) => r.query.pageSize === '1').length;
          const response = await gateway.request('/api/v1/vdns/1/business-results', jsonInit('POST', definition(n)));
          expect(response.status).toBe(201);
          expect(((await response.json()) as { children: unknown[] }).children).toHaveLength(CHILDREN);
          maxLookups = Math.max(maxLookups, queries().filter((r) => r.query.pageSize === '1').length - lookupsBefore);
          if (n % 10 === 0) maxRss = Math.max(maxRss, rssOf(gateway.child.pid!));
        }
      } finally {
        times = await reader.stop();
      }
      const { quiet, during } = times;
      maxRss = Math.max(maxRss, rssOf(gateway.child.pid!));
      const calls = queries().length - before;

      expect(maxLookups).toBeLessThanOrEqual(LOOKUPS_PER_WRITE);
      expect(calls).toBeLessThanOrEqual(WRITES * CALLS_PER_WRITE);
      expect(maxRss).toBeLessThanOrEqual(RSS_LIMIT_BYTES);
      // Measured, not asserted (wall-clock on a shared machine): the closing note reports it.
      process.stdout.write(
        `write cost: ${calls} queryBusinessResults calls for ${WRITES} writes, max RSS ${(maxRss / 1048576).toFixed(0)} MB; ` +
          `VDN 2 cached reads p50/p95 quiet ${percentile(quiet, 0.5)}/${percentile(quiet, 0.95)} ms, ` +
          `during the writes ${percentile(during, 0.5)}/${percentile(during, 0.95)} ms (${during.length} reads)\n`,
      );
    },
    PROCESS_TEST_TIMEOUT_MS * 4,
  );
});

describe('a tree over BUSINESS_RESULTS_MAX_BYTES (gateway + simulator over HTTP)', () => {
  const stack = useStack({ env: { BUSINESS_RESULTS_MAX_BYTES: '1024' } });
  const oversize = async () => (await scrape(stack.gateway)).samples.find((sample) => sample.name === METRICS.businessResultsOversize.name)?.value ?? 0;

  it('is read whole once, with a metric and a log line, then page by page, never cached; its codes are not looked up', async () => {
    const counted = await oversize();
    const since = stack.gateway.logs.mark();
    const queries = () => stack.simulator.requests.filter((r) => r.operation === 'queryBusinessResults' && r.vdnId === 3);
    const bodies: string[] = [];
    for (let i = 0; i < 2; i++) {
      const before = queries().length;
      const response = await stack.get('/api/v1/vdns/3/business-results?pageSize=100');
      expect(response.status).toBe(200);
      expect(response.headers.get('x-cache')).toBe('miss');
      expect(response.headers.get('cache-control')).toBe('private, max-age=0');
      bodies.push(await response.text());
      // The second read asks iSales for the two pages of 50 its page of 100 covers, not for the whole tree.
      if (i === 1)
        expect(
          queries()
            .slice(before)
            .map((r) => [r.query.pageNum, r.query.pageSize]),
        ).toEqual([
          ['1', '50'],
          ['2', '50'],
        ]);
    }
    expect(bodies[1]).toBe(bodies[0]);
    const code = (JSON.parse(bodies[0]) as { items: Array<{ code: string }> }).items[0].code;

    const before = queries().length;
    const problem = await expectProblem(await stack.get(`/api/v1/vdns/3/business-results/${code}`), 502);
    expect(problem).toMatchObject({ type: 'urn:isales-gateway:problem:business-results-too-large', detail: expect.stringContaining('page by page') });
    expect(queries()).toHaveLength(before);

    expect(await oversize()).toBe(counted + 1);
    const warnings = since()
      .map((line) => JSON.parse(line) as { msg: string; bytes?: number; maxBytes?: number })
      .filter((line) => line.msg.includes('BUSINESS_RESULTS_MAX_BYTES'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ maxBytes: 1024, bytes: expect.any(Number) });
  });
});
