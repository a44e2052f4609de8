import { httpSeries, observeIsalesCall, registry } from './metrics';
import { METRICS } from './metric-names';

describe('the bound series', () => {
  const text = () => registry.getSingleMetricAsString(METRICS.httpRequestDuration.name);

  it('records each status of a route in its own series, and keeps recording after a reset', async () => {
    const series = httpSeries('GET', '/spec/:id');
    for (const value of [0.001, 0.02, 0.3]) series(200, value);
    series(503, 2);
    const after = await text();
    expect(after).toContain(`${METRICS.httpRequestDuration.name}_count{method="GET",route="/spec/:id",status_code="200"} 3`);
    expect(after).toContain(`${METRICS.httpRequestDuration.name}_count{method="GET",route="/spec/:id",status_code="503"} 1`);
    expect(after).toMatch(new RegExp(`${METRICS.httpRequestDuration.name}_sum\\{method="GET",route="/spec/:id",status_code="200"\\} 0\\.321`));

    registry.resetMetrics();
    series(200, 0.5);
    expect(await text()).toContain(`${METRICS.httpRequestDuration.name}_count{method="GET",route="/spec/:id",status_code="200"} 1`);
  });

  it('refuses a value that is not a number, as prom-client does', () => {
    expect(() => httpSeries('GET', '/spec/nan')(200, Number.NaN)).toThrow(TypeError);
  });

  it('records an iSales call by operation and outcome', async () => {
    observeIsalesCall('queryServer', 'success', 0.01);
    observeIsalesCall('queryServer', 'success', 0.02);
    expect(await registry.getSingleMetricAsString(METRICS.isalesRequestDuration.name)).toMatch(/_count\{operation="queryServer",outcome="success"\} 2/);
  });
});
