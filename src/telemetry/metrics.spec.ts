import { Histogram, Registry } from 'prom-client';
import { histogramSeries } from './metrics';

describe('histogramSeries', () => {
  const make = (name: string) => {
    const registry = new Registry();
    const histogram = new Histogram({ name, help: 'h', labelNames: ['method', 'route', 'status_code'], buckets: [0.01, 0.1, 1], registers: [registry] });
    return { registry, histogram, text: async () => (await registry.metrics()).replaceAll(name, 'h') };
  };
  const values = [0.005, 0.01, 0.05, 0.1, 0.7, 1, 3, 0, 0.01];

  it('records exactly what prom-client records, across series and after a reset', async () => {
    const fast = make('fast');
    const plain = make('plain');
    const ok = histogramSeries(fast.histogram, ['GET', '/x/:id', '200']);
    const failed = histogramSeries(fast.histogram, ['GET', '/x/:id', '503']);
    for (const value of values) {
      ok(value);
      failed(value * 2);
      plain.histogram.labels('GET', '/x/:id', '200').observe(value);
      plain.histogram.labels('GET', '/x/:id', '503').observe(value * 2);
    }
    expect(await fast.text()).toBe(await plain.text());
    expect(await fast.text()).toContain('h_count{method="GET",route="/x/:id",status_code="200"} 9');

    fast.registry.resetMetrics();
    plain.registry.resetMetrics();
    ok(0.2);
    ok(0.02);
    plain.histogram.labels('GET', '/x/:id', '200').observe(0.2);
    plain.histogram.labels('GET', '/x/:id', '200').observe(0.02);
    expect(await fast.text()).toBe(await plain.text());
  });

  it('checks and hashes the labels only on the first observation', () => {
    const { histogram } = make('once');
    const series = histogramSeries(histogram, ['GET', '/x', '200']);
    series(0.1);
    // prom-client's own observe would now refuse the labels: the series does not ask it again.
    (histogram as unknown as { labelNames: string[] }).labelNames = ['other'];
    expect(() => series(0.2)).not.toThrow();
    expect(() => histogram.labels('GET', '/x', '200').observe(0.2)).toThrow();
  });

  it('refuses a value that is not a number as prom-client does', () => {
    const series = histogramSeries(make('nan').histogram, ['GET', '/x', '200']);
    series(0.1);
    expect(() => series(Number.NaN)).toThrow(TypeError);
  });
});
