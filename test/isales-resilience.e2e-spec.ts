import { problemBody } from './support/problem-expectations';
import { fakeClock } from './support/clock';
import { useStack } from './support/harness';

// The policy chain in front of iSales (docs/design.md section 9), against the simulator's fault injection;
// every test reads what iSales saw in the simulator's request log. Margins are generous: the
// machine is shared.

const SERVERS = '/api/v1/vdns/1/file-servers';
const BUSINESS_RESULTS = '/api/v1/vdns/1/business-results';

type Stack = ReturnType<typeof useStack>;

const upstreamCalls = (stack: Stack, operation: string) => stack.simulator.requests.filter((r) => r.operation === operation).length;

describe('resilience: retries and the deadline', () => {
  const stack = useStack({ env: { ISALES_TIMEOUT_MS: '1500' } });

  it('retries a 503 once: the caller gets 200 and iSales saw two calls, each signed', async () => {
    stack.simulator.setFault('queryServer', { httpStatus: 503, times: 1 });
    const response = await stack.get(SERVERS);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: unknown[] }).items).toHaveLength(5);
    expect(stack.simulator.requests.map((r) => [r.operation, r.status, r.authorized])).toEqual([
      ['queryServer', 503, true],
      ['queryServer', 200, true],
    ]);
  });

  it('retries a dropped connection: 200', async () => {
    stack.simulator.setFault('queryServer', { drop: true, times: 1 });
    const response = await stack.get(SERVERS);
    expect(response.status).toBe(200);
    expect(upstreamCalls(stack, 'queryServer')).toBe(2);
  });

  it('retries a 500 at most ISALES_RETRIES times, then answers 502', async () => {
    stack.simulator.setFault('queryServer', { httpStatus: 500 });
    const response = await stack.get(SERVERS);
    expect(response.status).toBe(502);
    expect(upstreamCalls(stack, 'queryServer')).toBe(3);
  });

  it('never retries a business code: one call', async () => {
    stack.simulator.setFault('queryServer', { resultCode: '0200001', resultDesc: 'x' });
    const response = await stack.get(SERVERS);
    expect(response.status).toBe(400);
    expect((await problemBody(response)).upstream).toEqual({ code: '0200001', description: 'x' });
    expect(upstreamCalls(stack, 'queryServer')).toBe(1);
  });

  it('answers a hang with 504 by ISALES_DEADLINE_MS (here ISALES_TIMEOUT_MS, 1.5 s), without a second call', async () => {
    stack.simulator.setFault('queryServer', { hang: true });
    const response = await stack.get(SERVERS);
    expect(response.status).toBe(504);
    expect(upstreamCalls(stack, 'queryServer')).toBe(1);
  });
});

describe('resilience: the deadline spans retries', () => {
  const stack = useStack({ env: { ISALES_TIMEOUT_MS: '800', ISALES_DEADLINE_MS: '6000' } });

  it('retries a hung attempt when the deadline leaves room', async () => {
    stack.simulator.setFault('queryServer', { hang: true, times: 1 });
    const response = await stack.get(SERVERS);
    expect(response.status).toBe(200);
    expect(upstreamCalls(stack, 'queryServer')).toBe(2);
  });
});

describe('resilience: circuit breaker', () => {
  const stack = useStack({
    env: { ISALES_BREAKER_FAILURES: '3', ISALES_BREAKER_COOLDOWN_S: '2', ISALES_RETRIES: '1', BUSINESS_RESULTS_TTL_S: '1' },
  });

  // The test that fakes the clock gets the real one back, whatever it ended with.
  afterEach(() => jest.useRealTimers());

  const circuits = async () => {
    const ready = await stack.get('/health/ready');
    expect(ready.status).toBe(200);
    return ((await ready.json()) as { details: { isales: { circuits: Record<string, string> } } }).details.isales.circuits;
  };

  it('opens after persistent 500s, answers 503 at once without calling iSales, serves stale business results, and closes after one good probe', async () => {
    // A business-result tree in the cache, stale a second later.
    expect((await stack.get(BUSINESS_RESULTS)).status).toBe(200);
    const clock = fakeClock();
    clock.advance(1100);
    stack.simulator.clearRequests();
    stack.simulator.setFault('*', { httpStatus: 500 });
    const logged = stack.gateway.logs.mark();
    const saidOnce = (text: string) => logged().filter((l) => l.includes(text) && l.includes('"operation":"queryServer"')).length;

    // Three failed calls (each an attempt and a retry) open the breaker of each operation.
    for (let i = 0; i < 3; i++) expect((await stack.get(SERVERS)).status).toBe(502);
    expect(upstreamCalls(stack, 'queryServer')).toBe(6);
    for (let i = 0; i < 3; i++) {
      const stale = await stack.get(BUSINESS_RESULTS);
      expect(stale.status).toBe(200);
      expect(stale.headers.get('x-cache')).toBe('stale');
    }
    expect(upstreamCalls(stack, 'queryBusinessResults')).toBe(6);
    expect(await circuits()).toMatchObject({ queryServer: 'open', queryBusinessResults: 'open', appointList: 'closed' });
    expect(saidOnce('iSales keeps failing')).toBe(1);

    // Open: 503 with Retry-After at once, iSales not called; business results still served, stale.
    stack.simulator.clearRequests();
    const open = await stack.get(SERVERS);
    expect(open.status).toBe(503);
    expect(Number(open.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(open.headers.get('retry-after'))).toBeLessThanOrEqual(2);
    const stale = await stack.get(BUSINESS_RESULTS);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-cache')).toBe('stale');
    expect(stack.simulator.requests).toHaveLength(0);

    // After the cooldown, iSales has recovered: one probe, which closes the breaker.
    stack.simulator.clearFaults();
    clock.advance(2100);
    expect((await stack.get(SERVERS)).status).toBe(200);
    expect(upstreamCalls(stack, 'queryServer')).toBe(1);
    expect((await circuits()).queryServer).toBe('closed');
    expect(saidOnce('iSales answers again')).toBe(1);
  });

  it('says in plain words why it did not call iSales', async () => {
    stack.simulator.setFault('appointList', { httpStatus: 503 });
    const path = '/api/v1/vdns/1/appointments';
    for (let i = 0; i < 3; i++) expect((await stack.get(path)).status).toBe(502);
    const problem = await problemBody(await stack.get(path));
    expect(problem).toMatchObject({ status: 503, type: 'urn:isales-gateway:problem:upstream-unavailable' });
    expect(problem.detail).toMatch(/iSales failed several times in a row/);
    expect(problem.detail).not.toMatch(/breaker|circuit|cockatiel/i);
  });
});

describe('resilience: bulkhead and coalescing', () => {
  const stack = useStack({
    env: { ISALES_MAX_CONCURRENCY: '4', ISALES_MAX_QUEUE: '4', ISALES_MAX_CONCURRENCY_PER_VDN: '4', ISALES_MAX_QUEUE_PER_VDN: '4', ISALES_TIMEOUT_MS: '20000' },
  });

  it('lets 4 calls run and 4 wait against a slow iSales, and turns the other 12 of 20 away at once with 503', async () => {
    stack.simulator.setFault('queryServer', { latencyMs: 1500 });
    const finished: number[] = [];
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => stack.get(`${SERVERS}?pageSize=1&page=${i + 1}`).finally(() => finished.push(i))));
    const served = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 503);
    expect(served).toHaveLength(8);
    expect(refused).toHaveLength(12);
    for (const response of refused) expect(response.headers.get('retry-after')).toBe('1');
    // "At once": every refusal came back before any call iSales was slow to answer (an order, not a duration).
    const statusOf = (i: number) => responses[i].status;
    expect(finished.map(statusOf)).toEqual([...Array(12).fill(503), ...Array(8).fill(200)]);
    expect(upstreamCalls(stack, 'queryServer')).toBe(8);
  });

  it('explains a full bulkhead without naming it', async () => {
    stack.simulator.setFault('queryServer', { latencyMs: 1000 });
    const responses = await Promise.all(Array.from({ length: 9 }, (_, i) => stack.get(`${SERVERS}?pageSize=2&page=${i + 1}`)));
    const refused = responses.find((r) => r.status === 503);
    expect(refused).toBeDefined();
    const problem = await problemBody(refused!);
    expect(problem.type).toBe('urn:isales-gateway:problem:upstream-busy');
    expect(problem.detail).not.toMatch(/bulkhead|queue|cockatiel/i);
  });

  it('makes one upstream call for 20 identical concurrent requests, and gives all 20 the same answer', async () => {
    stack.simulator.setFault('queryServer', { latencyMs: 1000 });
    const responses = await Promise.all(Array.from({ length: 20 }, () => stack.get(`${SERVERS}?pageSize=3`)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0])).toMatchObject({ pageSize: 3, total: 5 });
    expect(upstreamCalls(stack, 'queryServer')).toBe(1);
  });

  it('never lets requests with different input share a call', async () => {
    stack.simulator.setFault('queryServer', { latencyMs: 500 });
    const [a, b] = await Promise.all([stack.get(`${SERVERS}?pageSize=1`), stack.get(`${SERVERS}?pageSize=2`)]);
    expect(((await a.json()) as { items: unknown[] }).items).toHaveLength(1);
    expect(((await b.json()) as { items: unknown[] }).items).toHaveLength(2);
    expect(upstreamCalls(stack, 'queryServer')).toBe(2);
  });
});
