import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ISALES_OPERATIONS } from '../upstream/operations.catalogue';
import { AUTH_FAILURE_REASONS, AuthFailureReason, CACHE_STATES, CIRCUIT_STATES, CircuitState, IsalesOutcome, METRICS } from './metric-names';

/**
 * One registry per process (prom-client's own pattern): recording is a plain function call from
 * anywhere, and the /metrics listener serialises this registry. Its own registry rather than
 * prom-client's global one, so that no library can add to what the gateway exports.
 */
export const registry = new Registry();

type Spec = { name: string; help: string; labelNames: readonly string[] };
const histogram = (spec: Spec & { buckets: readonly number[] }) => new Histogram({ ...spec, buckets: [...spec.buckets], registers: [registry] });
const counter = (spec: Spec) => new Counter({ ...spec, registers: [registry] });

const httpRequestDuration = histogram(METRICS.httpRequestDuration);
const isalesRequestDuration = histogram(METRICS.isalesRequestDuration);
const isalesRetries = counter(METRICS.isalesRetries);
const isalesCircuitState = new Gauge({ ...METRICS.isalesCircuitState, registers: [registry] });
const isalesCircuitsOpen = new Gauge({ ...METRICS.isalesCircuitsOpen, registers: [registry] });
const businessResultsCache = counter(METRICS.businessResultsCache);
const businessResultsOversize = counter(METRICS.businessResultsOversize);
const rateLimitRejections = counter(METRICS.rateLimitRejections);
const authFailures = counter(METRICS.authFailures);

let probeCacheStore: () => Promise<boolean> = async () => true;
new Gauge({
  ...METRICS.cacheStoreUp,
  registers: [registry],
  async collect() {
    this.set((await probeCacheStore().catch(() => false)) ? 1 : 0);
  },
});

// Every series a dashboard plots starts at zero, so rate() and "is it open?" have an answer before
// the first event.
for (const operation of ISALES_OPERATIONS) {
  isalesRetries.labels(operation).inc(0);
  isalesCircuitState.labels(operation).set(CIRCUIT_STATES.closed);
  isalesCircuitsOpen.labels(operation).set(0);
}
for (const state of CACHE_STATES) businessResultsCache.labels(state).inc(0);
for (const reason of AUTH_FAILURE_REASONS) authFailures.labels(reason).inc(0);

let defaultMetricsStarted = false;

/** Node's default metrics (CPU, memory, event-loop lag, GC), started with the listener. */
export function startDefaultMetrics(): void {
  if (defaultMetricsStarted) return;
  defaultMetricsStarted = true;
  collectDefaultMetrics({ register: registry });
}

/** How cache_store_up learns whether the store answers (asked at each scrape). */
export function setCacheStoreProbe(probe: () => Promise<boolean>): void {
  probeCacheStore = probe;
}

export function observeHttpRequest(method: string, route: string, statusCode: number, seconds: number): void {
  httpRequestDuration.observe({ method, route, status_code: statusCode }, seconds);
}

/** Records one answer's duration, in seconds. */
export type HttpSeries = (statusCode: number, seconds: number) => void;

/**
 * http_server_request_duration_seconds for one method and route, with its series per status kept:
 * a recording is a property lookup and an observe, not prom-client's hashing of a label object.
 */
export function httpSeries(method: string, route: string): HttpSeries {
  const byStatus: Record<number, (value: number) => void> = {};
  return (statusCode, seconds) => {
    (byStatus[statusCode] ??= histogramSeries(httpRequestDuration, [method, route, String(statusCode)]))(seconds);
  };
}

/** What histogramSeries reads of prom-client's Histogram (lib/histogram.js): its series by label hash, its bucket bounds. */
interface HistogramInternals {
  hashMap?: Record<string, { labels: Record<string, string | number>; bucketValues: Record<number, number>; sum: number; count: number }>;
  upperBounds?: number[];
  labelNames?: string[];
}

/**
 * One series of a histogram, observed the way prom-client's `observe` does (sum, count, the first
 * bucket whose bound holds the value) on the series' own record, found once: prom-client's child
 * validates its labels and builds their hash string on every observation (about 2 % of a cache
 * hit). The first observation, and any after the histogram was reset (its records replaced), go
 * through prom-client itself; a prom-client whose internals differ is always used as is.
 */
export function histogramSeries(histogram: Histogram, values: readonly string[]): (value: number) => void {
  const child = histogram.labels(...values);
  const internals = histogram as unknown as HistogramInternals;
  let key: string | undefined;
  let record: NonNullable<HistogramInternals['hashMap']>[string] | undefined;
  return (value) => {
    const hashMap = internals.hashMap;
    if (record !== undefined && hashMap?.[key!] === record && Number.isFinite(value)) {
      record.sum += value;
      record.count += 1;
      const bounds = internals.upperBounds!;
      for (let i = 0; i < bounds.length; i++) {
        if (value <= bounds[i]) {
          record.bucketValues[bounds[i]] += 1;
          break;
        }
      }
      return;
    }
    child.observe(value);
    record = undefined;
    const names = internals.labelNames;
    if (!hashMap || !Array.isArray(internals.upperBounds) || !names || names.length !== values.length) return;
    for (const [hash, candidate] of Object.entries(hashMap)) {
      if (names.every((name, i) => String(candidate.labels[name]) === values[i])) {
        key = hash;
        record = candidate;
        return;
      }
    }
  };
}

/** isales_request_duration_seconds' series by operation, then outcome: both fixed sets (the catalogue, ISALES_OUTCOMES). */
const isalesSeries = new Map<string, Partial<Record<IsalesOutcome, (value: number) => void>>>();

export function observeIsalesCall(operation: string, outcome: IsalesOutcome, seconds: number): void {
  let byOutcome = isalesSeries.get(operation);
  if (!byOutcome) isalesSeries.set(operation, (byOutcome = {}));
  (byOutcome[outcome] ??= histogramSeries(isalesRequestDuration, [operation, outcome]))(seconds);
}

/** Called by the resilience layer for each attempt it repeats. */
export function recordRetry(operation: string): void {
  isalesRetries.labels(operation).inc();
}

/** Called by the resilience layer when one of the operation's breakers changes state: its worst state and how many are open. */
export function setCircuitState(operation: string, state: CircuitState, open: number): void {
  isalesCircuitState.labels(operation).set(CIRCUIT_STATES[state]);
  isalesCircuitsOpen.labels(operation).set(open);
}

const cacheReads = Object.fromEntries(CACHE_STATES.map((state) => [state, businessResultsCache.labels(state)])) as Record<
  (typeof CACHE_STATES)[number],
  { inc(value?: number): void }
>;

export function recordCacheRead(state: (typeof CACHE_STATES)[number]): void {
  cacheReads[state].inc();
}

/** Called by the business-result cache for each tree too large to keep. */
export function recordOversizeTree(): void {
  businessResultsOversize.inc();
}

/** Called by the auth guard for each request it refuses. */
export function recordAuthFailure(reason: AuthFailureReason): void {
  authFailures.labels(reason).inc();
}

/** Called by the rate limiter for each request it refuses. */
export function recordRateLimitRejection(): void {
  rateLimitRejections.inc();
}
