import { FILE_SERVER_EXAMPLE } from '../src/modules/file-servers/file-server.example';
import { ISALES_OPERATIONS } from '../src/upstream/operations.catalogue';
import { AUTH_FAILURE_REASONS, METRICS, UNMATCHED_ROUTE } from '../src/telemetry/metric-names';
import { MetricsServer } from '../src/telemetry/metrics.server';
import { startGateway, useStack } from './support/harness';
import { metricsUrl, Sample, scrape } from './support/metrics-scrape';

const BASE = '/api/v1/vdns';

/** Every route the gateway serves, by the template its metrics are labelled with. */
const ROUTES: Array<[template: string, path: string, method?: string]> = [
  ['/api/v1/vdns/:vdnId/blacklist-import-tasks', `${BASE}/1/blacklist-import-tasks`],
  ['/api/v1/vdns/:vdnId/blacklist-import-tasks/:taskId', `${BASE}/1/blacklist-import-tasks/164698362894300182038011895728`],
  ['/api/v1/vdns/:vdnId/file-servers', `${BASE}/1/file-servers`],
  ['/api/v1/vdns/:vdnId/file-servers/:serverId', `${BASE}/1/file-servers/${FILE_SERVER_EXAMPLE.id}`],
  ['/api/v1/vdns/:vdnId/business-results/cache', `${BASE}/1/business-results/cache`, 'DELETE'],
  ['/api/v1/vdns/:vdnId/business-results', `${BASE}/1/business-results`],
  ['/api/v1/vdns/:vdnId/business-results/:code', `${BASE}/1/business-results/11111`],
  ['/api/v1/vdns/:vdnId/appointments', `${BASE}/1/appointments`],
  ['/health/live', '/health/live'],
  ['/health/ready', '/health/ready'],
];

function find(samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return find(samples, name, labels).reduce((sum, s) => sum + s.value, 0);
}

describe('metrics on METRICS_PORT', () => {
  // No retries here: each injected fault is one call with one outcome (the resilience layer is counted below).
  const stack = useStack({ env: { ISALES_TIMEOUT_MS: '500', ISALES_RETRIES: '0' } });

  it('count every route by its template, every upstream outcome, and the cache, with the documented labels', async () => {
    for (const [, path, method] of ROUTES) expect((await stack.request(path, { method })).status).toBeLessThan(300);
    expect((await stack.get(`${BASE}/1/business-results`)).status).toBe(200);
    expect((await stack.get(`${BASE}/1/file-servers/${'9'.repeat(30)}`)).status).toBe(404);
    expect((await stack.get('/no/such/route/123')).status).toBe(404);

    const faults: Array<[fault: Parameters<typeof stack.simulator.setFault>[1], status: number]> = [
      [{ resultCode: '0200001', resultDesc: 'Parameter error: limit' }, 400],
      [{ httpStatus: 500 }, 502],
      [{ hang: true }, 504],
      [{ drop: true }, 502],
      [{ malformed: true }, 502],
    ];
    for (const [fault, status] of faults) {
      stack.simulator.setFault('queryServer', { ...fault, times: 1 });
      expect((await stack.get(`${BASE}/2/file-servers`)).status).toBe(status);
    }

    const { samples, types } = await scrape(stack.gateway);
    for (const metric of Object.values(METRICS)) expect([metric.name, types.get(metric.name)]).toEqual([metric.name, expect.any(String)]);

    const requests = METRICS.httpRequestDuration.name;
    for (const [template, , method = 'GET'] of ROUTES) {
      expect([template, value(samples, `${requests}_count`, { method, route: template }) >= 1]).toEqual([template, true]);
    }
    expect(value(samples, `${requests}_count`, { route: '/api/v1/vdns/:vdnId/file-servers/:serverId', status_code: '404' })).toBe(1);
    expect(value(samples, `${requests}_count`, { route: UNMATCHED_ROUTE, status_code: '404' })).toBe(1);
    const routes = new Set(find(samples, `${requests}_count`).map((s) => s.labels.route));
    // No id ever becomes a label: only templates and the one value for unmatched requests.
    expect([...routes].filter((r) => r !== UNMATCHED_ROUTE && !ROUTES.some(([template]) => template === r))).toEqual([]);
    for (const s of find(samples, `${requests}_count`)) {
      expect(Object.keys(s.labels).sort()).toEqual(['method', 'route', 'status_code']);
      expect(value(samples, `${requests}_bucket`, { ...s.labels, le: '+Inf' })).toBe(s.value);
      expect(value(samples, `${requests}_sum`, s.labels)).toBeGreaterThan(0);
    }

    const isales = `${METRICS.isalesRequestDuration.name}_count`;
    expect(value(samples, isales, { operation: 'queryServer', outcome: 'success' })).toBeGreaterThanOrEqual(2);
    for (const outcome of ['business_error', 'http_error', 'timeout', 'unreachable', 'bad_response']) {
      expect([outcome, value(samples, isales, { operation: 'queryServer', outcome })]).toEqual([outcome, 1]);
    }
    for (const operation of ['queryDataImportTask', 'queryBusinessResults', 'appointList']) {
      expect(value(samples, isales, { operation, outcome: 'success' })).toBeGreaterThanOrEqual(1);
    }

    const cache = METRICS.businessResultsCache.name;
    expect(value(samples, cache, { state: 'miss' })).toBe(1);
    expect(value(samples, cache, { state: 'hit' })).toBe(2);
    expect(value(samples, cache, { state: 'stale' })).toBe(0);
    expect(value(samples, METRICS.cacheStoreUp.name)).toBe(1);

    for (const operation of ISALES_OPERATIONS) {
      expect(find(samples, METRICS.isalesRetries.name, { operation })).toHaveLength(1);
      expect(value(samples, METRICS.isalesCircuitState.name, { operation })).toBe(0);
    }
    expect(find(samples, METRICS.rateLimitRejections.name)).toHaveLength(1);
    for (const reason of AUTH_FAILURE_REASONS) expect(find(samples, METRICS.authFailures.name, { reason })).toHaveLength(1);
    expect(value(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(find(samples, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
  });

  it('keep /metrics off the API port', async () => {
    expect((await stack.get('/metrics')).status).toBe(404);
    expect((await fetch(metricsUrl(stack.gateway).replace('/metrics', '/other'))).status).toBe(404);
  });

  it('log each request with its route template and its upstream calls', async () => {
    const since = stack.gateway.logs.mark();
    stack.simulator.setFault('queryServer', { resultCode: '0200001', resultDesc: 'Parameter error: limit', times: 1 });
    await stack.get(`${BASE}/3/file-servers/7`, { headers: { 'x-request-id': 'metrics-log-1' } });
    const line = since()
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'request completed' && l.requestId === 'metrics-log-1');
    expect(line).toMatchObject({
      route: '/api/v1/vdns/:vdnId/file-servers/:serverId',
      status: 400,
      upstream: [{ operation: 'queryServer', outcome: 'business_error', code: '0200001', ms: expect.any(Number) }],
    });
  });

  it('opens no listener with METRICS_ENABLED=false', async () => {
    const gateway = await startGateway(stack.simulator.url, { METRICS_ENABLED: 'false' });
    try {
      expect(gateway.app.get(MetricsServer).port).toBeUndefined();
    } finally {
      await gateway.close();
    }
  });
});

describe('metrics of the resilience layer', () => {
  const stack = useStack({
    env: {
      ISALES_RETRIES: '1',
      ISALES_RETRY_BASE_MS: '1',
      ISALES_BREAKER_FAILURES: '2',
      ISALES_BREAKER_COOLDOWN_S: '60',
      ISALES_MAX_CONCURRENCY: '1',
      ISALES_MAX_QUEUE: '0',
    },
  });

  it('count retries, the open breaker as circuit_open and a full bulkhead as rejected', async () => {
    // The registry is the process's: count what this test adds to it.
    const before = (await scrape(stack.gateway)).samples;
    const added = (samples: Sample[], name: string, labels: Record<string, string>) => value(samples, name, labels) - value(before, name, labels);
    // Two slow distinct reads at once: the second finds the only slot taken and no queue.
    stack.simulator.setFault('appointList', { latencyMs: 800, times: 1 });
    const statuses = await Promise.all([stack.get(`${BASE}/1/appointments?pageSize=1`), stack.get(`${BASE}/1/appointments?pageSize=2`)]);
    expect(statuses.map((r) => r.status).sort()).toEqual([200, 503]);

    // Persistent 500s: each call is tried twice (one retry); two failed calls open the breaker.
    stack.simulator.setFault('queryServer', { httpStatus: 500 });
    expect((await stack.get(`${BASE}/2/file-servers`)).status).toBe(502);
    expect((await stack.get(`${BASE}/2/file-servers`)).status).toBe(502);
    expect((await stack.get(`${BASE}/2/file-servers`)).status).toBe(503);

    const { samples } = await scrape(stack.gateway);
    const isales = `${METRICS.isalesRequestDuration.name}_count`;
    expect(added(samples, isales, { operation: 'appointList', outcome: 'rejected' })).toBe(1);
    expect(added(samples, isales, { operation: 'queryServer', outcome: 'http_error' })).toBe(2);
    expect(added(samples, isales, { operation: 'queryServer', outcome: 'circuit_open' })).toBe(1);
    expect(added(samples, METRICS.isalesRetries.name, { operation: 'queryServer' })).toBe(2);
    expect(value(samples, METRICS.isalesCircuitState.name, { operation: 'queryServer' })).toBe(1);
    expect(value(samples, METRICS.isalesCircuitState.name, { operation: 'appointList' })).toBe(0);
  });
});
