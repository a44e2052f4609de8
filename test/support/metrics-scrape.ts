import { MetricsServer } from '../../src/telemetry/metrics.server';
import type { Gateway } from './harness';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, one sample per line (comments and HELP/TYPE lines kept apart). */
export function parseMetrics(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1], type[2]);
    const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
    samples.push({ name: sample[1], labels, value: Number(sample[3]) });
  }
  return { samples, types };
}

/** The gateway's metrics listener (METRICS_PORT), which is not its API port. */
export function metricsUrl(gateway: Gateway): string {
  const port = gateway.app.get(MetricsServer).port;
  if (port === undefined) throw new Error('the metrics listener is off');
  return `http://127.0.0.1:${port}/metrics`;
}

export async function scrape(gateway: Gateway): Promise<ReturnType<typeof parseMetrics>> {
  const response = await fetch(metricsUrl(gateway));
  if (response.status !== 200) throw new Error(`metrics answered ${response.status}`);
  return parseMetrics(await response.text());
}
