import { METRICS } from '../../src/telemetry/metric-names';
import { registry, startDefaultMetrics } from '../../src/telemetry/metrics';
// Registered where they are recorded, beside the call-result module, into the same registry.
import '../../src/telemetry/call-result-metrics';
import { chartFile, findManifest, renderChart, REQUIRED_VALUES } from './helm-chart';

type Any = any;

const HISTOGRAM_SERIES = ['_bucket', '_count', '_sum'];

/** Every series name the gateway exports: its own (metric-names.ts) and Node's default metrics. */
async function exportedSeries(): Promise<Set<string>> {
  startDefaultMetrics();
  const names = new Set<string>();
  for (const family of await registry.getMetricsAsJSON()) {
    if (String(family.type) === 'histogram') for (const suffix of HISTOGRAM_SERIES) names.add(family.name + suffix);
    else names.add(family.name);
  }
  for (const metric of Object.values(METRICS)) expect(names.has(metric.name) || names.has(`${metric.name}_count`)).toBe(true);
  return names;
}

/** Metric names in PromQL: every selector in these queries is written `name{...}`, and label_values(name, label). */
function metricNamesIn(query: string): string[] {
  return [...query.matchAll(/([a-zA-Z_:][\w:]*)\s*\{/g), ...query.matchAll(/label_values\(\s*([a-zA-Z_:][\w:]*)/g)].map((m) => m[1]);
}

describe('helm/isales-gateway: the Grafana dashboard', () => {
  const rendered = renderChart({ ...REQUIRED_VALUES, metrics: { dashboard: { enabled: true, folder: 'Gateways' } } }).manifests;
  const configMap = rendered.find((m) => m.kind === 'ConfigMap' && m.metadata.name.endsWith('-dashboard')) as Any;

  it('ships in a ConfigMap the Grafana sidecar picks up, byte for byte the chart\u2019s dashboard file', () => {
    expect(configMap.metadata.labels.grafana_dashboard).toBe('1');
    expect(configMap.metadata.annotations).toEqual({ grafana_folder: 'Gateways' });
    expect(configMap.data['isales-gateway.json']).toBe(chartFile('dashboards/isales-gateway.json').trimEnd());
    expect(findManifest(renderChart().manifests, 'ConfigMap')!.metadata.name).not.toMatch(/dashboard$/);
  });

  it('is valid JSON whose queries name only metrics the gateway exports, and all of its own', async () => {
    const dashboard = JSON.parse(configMap.data['isales-gateway.json']);
    const queries: string[] = [
      ...dashboard.panels.flatMap((p: Any) => (p.targets ?? []).map((t: Any) => t.expr)),
      ...dashboard.templating.list.filter((v: Any) => v.type === 'query').map((v: Any) => v.definition),
    ];
    expect(queries.length).toBeGreaterThan(10);
    const named = queries.flatMap(metricNamesIn);
    for (const query of queries.filter((q) => !q.startsWith('label_values'))) expect([query, metricNamesIn(query).length > 0]).toEqual([query, true]);
    const exported = await exportedSeries();
    expect(named.filter((name) => !exported.has(name))).toEqual([]);
    const base = new Set(named.map((name) => name.replace(/_(bucket|count|sum)$/, '')));
    expect(
      Object.values(METRICS)
        .map((m) => m.name)
        .filter((name) => !base.has(name)),
    ).toEqual([]);
  });

  it('has the panels the runbook relies on', () => {
    const titles = JSON.parse(configMap.data['isales-gateway.json']).panels.map((p: Any) => p.title as string);
    for (const title of [
      'Request rate per route',
      'Error ratio per route (5xx)',
      'p99 latency per route',
      'iSales p99 latency per operation',
      'iSales outcomes per operation',
      'Business-result cache hit ratio',
      'Circuit breaker state',
      'Rate-limit rejections',
    ]) {
      expect(titles).toContain(title);
    }
  });
});
