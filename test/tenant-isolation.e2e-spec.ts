import { problemBody } from './support/problem-expectations';
import { eventually } from './support/eventually';
import { METRICS } from '../src/telemetry/metric-names';
import { useStack } from './support/harness';
import { scrape } from './support/metrics-scrape';

// Tenants kept apart (docs/design.md section 15): each VDN holds at most its share of the bulkhead, and
// breakers are kept per (operation, VDN). Tenant A is VDN 3, tenant B is VDN 4; the simulator's faults
// are scoped to VDN 3 only. Margins are generous: the machine is shared.

const A = '/api/v1/vdns/3';
const B = '/api/v1/vdns/4';

type Stack = ReturnType<typeof useStack>;

/** B's reads of file servers and appointments, distinct so that none is shared with another. */
function tenantBReads(stack: Stack, round: number): Array<Promise<Response>> {
  return [
    stack.get(`${B}/file-servers?pageSize=${1 + (round % 20)}&page=${1 + Math.floor(round / 20)}`),
    stack.get(`${B}/appointments?pageSize=${1 + (round % 20)}&page=${1 + Math.floor(round / 20)}`),
  ];
}

describe('tenants: one VDN flooding a slow operation', () => {
  // Shares of 16 + 64: 4 in flight and 16 waiting per VDN.
  const stack = useStack({ env: { ISALES_MAX_CONCURRENCY: '16', ISALES_MAX_QUEUE: '64', ISALES_TIMEOUT_MS: '20000', RATE_LIMIT_MAX: '100000' } });

  it('turns away A past its share with the bulkhead\u2019s 503, while every one of B\u2019s reads answers 200', async () => {
    stack.simulator.clearRequests();
    stack.simulator.setFault('appointList', { latencyMs: 1500, vdnId: 3 });
    // 240 distinct appointment reads of A: twelve times its share, three times the instance's bulkhead.
    const flood = Array.from({ length: 240 }, (_, i) => stack.get(`${A}/appointments?pageSize=${1 + (i % 50)}&page=${1 + Math.floor(i / 50)}`));
    // B reads while A's share is taken at iSales (the simulator logs a request before its latency).
    await eventually(
      'A\u2019s share in flight at iSales',
      () => stack.simulator.requests.filter((r) => r.operation === 'appointList' && r.vdnId === 3).length >= 4,
    );
    const bReads = Array.from({ length: 10 }, (_, round) => tenantBReads(stack, round)).flat();
    const b = await Promise.all(bReads);
    expect(b.map((r) => r.status)).toEqual(Array(bReads.length).fill(200));

    const a = await Promise.all(flood);
    const served = a.filter((r) => r.status === 200);
    const refused = a.filter((r) => r.status === 503);
    expect(served.length + refused.length).toBe(a.length);
    // About the share (4 in flight + 16 waiting) was let through (a little more if the flood took long
    // to send: slots free up every 1.5 s); the rest were refused.
    expect(served.length).toBeLessThanOrEqual(40);
    expect(refused.length).toBeGreaterThanOrEqual(200);
    const problem = await problemBody(refused[0]);
    expect(problem.type).toBe('urn:isales-gateway:problem:upstream-busy');
    expect(refused[0].headers.get('retry-after')).toBe('1');
    // iSales never saw more of A's appointment reads than its share let through.
    expect(stack.simulator.requests.filter((r) => r.operation === 'appointList' && r.vdnId === 3).length).toBe(served.length);
  });
});

describe('tenants: iSales failing for one VDN', () => {
  const stack = useStack({
    env: { ISALES_RETRIES: '0', ISALES_BREAKER_FAILURES: '3', ISALES_BREAKER_COOLDOWN_S: '60', RATE_LIMIT_MAX: '100000' },
  });

  it('opens A\u2019s circuit only: B\u2019s calls to the same operation answer 200 throughout, and readiness reports the open circuit', async () => {
    stack.simulator.setFault('queryServer', { httpStatus: 500, vdnId: 3 });
    const aStatuses: number[] = [];
    const bStatuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      aStatuses.push((await stack.get(`${A}/file-servers?pageSize=${i + 1}`)).status);
      bStatuses.push((await stack.get(`${B}/file-servers?pageSize=${i + 1}`)).status);
    }
    expect(aStatuses).toEqual([502, 502, 502, 503, 503, 503]);
    expect(bStatuses).toEqual(Array(6).fill(200));
    // A's open circuit sends nothing more to iSales; B's calls all went through.
    expect(stack.simulator.requests.filter((r) => r.operation === 'queryServer' && r.vdnId === 3)).toHaveLength(3);
    expect(stack.simulator.requests.filter((r) => r.operation === 'queryServer' && r.vdnId === 4)).toHaveLength(6);
    const open = await problemBody(await stack.get(`${A}/file-servers`));
    expect(open.type).toBe('urn:isales-gateway:problem:upstream-unavailable');

    const ready = await stack.get('/health/ready');
    expect(ready.status).toBe(200);
    const isales = ((await ready.json()) as { details: { isales: { status: string; circuits: Record<string, string>; openCircuits: Record<string, number> } } })
      .details.isales;
    expect(isales.openCircuits).toEqual({ queryServer: 1 });
    expect(isales.circuits.queryServer).toBe('open');
    expect(isales.circuits.appointList).toBe('closed');
    expect(isales.status).toBe('degraded');

    // Bounded labels: one series per operation, the number of open circuits, never a VDN.
    const { samples } = await scrape(stack.gateway);
    const series = samples.filter((s) => s.name === METRICS.isalesCircuitsOpen.name);
    expect(series.find((s) => s.labels.operation === 'queryServer')?.value).toBe(1);
    for (const sample of series) expect(Object.keys(sample.labels)).toEqual(['operation']);
  });
});
