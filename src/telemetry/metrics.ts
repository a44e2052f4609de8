import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
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

/**
 * Every series a dashboard plots starts at zero, so rate() and "is it open?" have an answer before
 * the first event. The upstream names its operations (the catalogue is its knowledge, not this file's).
 */
export function startOperationSeries(operations: readonly string[]): void {
  for (const operation of operations) {
    isalesRetries.labels(operation).inc(0);
    isalesCircuitState.labels(operation).set(CIRCUIT_STATES.closed);
    isalesCircuitsOpen.labels(operation).set(0);
  }
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

/** Records one answer's duration, in seconds. */
export type HttpSeries = (statusCode: number, seconds: number) => void;

/**
 * http_server_request_duration_seconds for one method and route, with prom-client's child of each
 * status bound once (`labels(...)`): a recording is a property lookup and the child's `observe`,
 * not a hash of a label object.
 */
export function httpSeries(method: string, route: string): HttpSeries {
  const byStatus: Record<number, { observe(value: number): void }> = {};
  return (statusCode, seconds) => {
    (byStatus[statusCode] ??= httpRequestDuration.labels(method, route, String(statusCode))).observe(seconds);
  };
}

/** isales_request_duration_seconds' series by operation, then outcome: both fixed sets (the catalogue, ISALES_OUTCOMES). */
const isalesSeries = new Map<string, Partial<Record<IsalesOutcome, { observe(value: number): void }>>>();

export function observeIsalesCall(operation: string, outcome: IsalesOutcome, seconds: number): void {
  let byOutcome = isalesSeries.get(operation);
  if (!byOutcome) isalesSeries.set(operation, (byOutcome = {}));
  (byOutcome[outcome] ??= isalesRequestDuration.labels(operation, outcome)).observe(seconds);
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
