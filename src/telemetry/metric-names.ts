/**
 * Every metric the gateway exports, with its help text and labels (docs/design.md section 10). Dashboards
 * and alerts are written against these names, so they change only with the design; the Helm
 * dashboard's test reads this file to check that its queries name nothing else.
 */

export { ISALES_OUTCOMES, type IsalesOutcome } from '../common/errors/upstream-meaning';

export const CACHE_STATES = ['hit', 'miss', 'stale'] as const;

/** Why a request was refused before it reached a route (bounded: never the credential itself). */
export const AUTH_FAILURE_REASONS = ['missing_credentials', 'invalid_credentials', 'vdn_not_allowed', 'scope_missing'] as const;
export type AuthFailureReason = (typeof AUTH_FAILURE_REASONS)[number];

export const CIRCUIT_STATES = { closed: 0, open: 1, half_open: 2 } as const;
export type CircuitState = keyof typeof CIRCUIT_STATES;

/** Why a pushed call result (or a whole push) was not kept. */
export const CALL_RESULT_REFUSALS = ['token', 'source', 'vdn_not_allowed', 'invalid'] as const;
export type CallResultRefusal = (typeof CALL_RESULT_REFUSALS)[number];

/** The `route` label of requests no route matched: one value, whatever the URL. */
export const UNMATCHED_ROUTE = 'unmatched';

export const METRICS = {
  httpRequestDuration: {
    name: 'http_server_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  },
  isalesRequestDuration: {
    name: 'isales_request_duration_seconds',
    help: 'Time of one call to iSales (retries included), by operation and outcome.',
    labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
  },
  isalesRetries: {
    name: 'isales_retries_total',
    help: 'Upstream attempts repeated after a transport failure, 5xx or 429, by operation.',
    labelNames: ['operation'],
  },
  isalesCircuitState: {
    name: 'isales_circuit_state',
    help: 'Worst state of the operation\u2019s circuit breakers (one per VDN): 0 closed, 1 open, 2 half-open.',
    labelNames: ['operation'],
  },
  isalesCircuitsOpen: {
    name: 'isales_circuits_open',
    help: 'Circuit breakers of the operation (one per VDN) that are not closed; one series per operation, never per VDN.',
    labelNames: ['operation'],
  },
  businessResultsCache: {
    name: 'business_results_cache_total',
    help: 'Reads of the business-result cache, by state (hit, miss, stale).',
    labelNames: ['state'],
  },
  businessResultsOversize: {
    name: 'business_results_oversize_total',
    help: 'Business-result trees fetched from iSales and not cached because they exceed BUSINESS_RESULTS_MAX_BYTES.',
    labelNames: [],
  },
  cacheStoreUp: {
    name: 'cache_store_up',
    help: 'Whether the shared cache store (Redis, or the in-process store) answers: 1 yes, 0 no.',
    labelNames: [],
  },
  rateLimitRejections: {
    name: 'rate_limit_rejections_total',
    help: 'Requests refused with 429 by the gateway\u2019s own rate limit.',
    labelNames: [],
  },
  authFailures: {
    name: 'auth_failures_total',
    help: 'Requests refused with 401 or 403, by reason.',
    labelNames: ['reason'],
  },
  callResultsReceived: {
    name: 'call_results_received_total',
    help: 'Call results iSales pushed that were stored (each callId once).',
    labelNames: [],
  },
  callResultDuplicates: {
    name: 'call_result_duplicates_total',
    help: 'Call results pushed again for a callId already stored: acknowledged, not stored twice.',
    labelNames: [],
  },
  callResultsRefused: {
    name: 'call_results_refused_total',
    help: 'Pushes refused for their token or source, and records refused for their VDN or content, by reason.',
    labelNames: ['reason'],
  },
  callResultStreamLength: {
    name: 'call_result_stream_entries',
    help: 'Entries in the call-result streams this replica last appended to (summed over VDNs).',
    labelNames: [],
  },
  callResultEventStreams: {
    name: 'call_result_event_streams_open',
    help: 'Server-Sent Events streams of call results open on this replica.',
    labelNames: [],
  },
} as const;

/** Prefix of Node's default metrics (process_*, nodejs_*), exported too. */
export const DEFAULT_METRIC_PREFIXES = ['process_', 'nodejs_'] as const;
