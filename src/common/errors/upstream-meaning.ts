/** The outcome of one upstream call as the caller saw it (retries included). */
export const ISALES_OUTCOMES = ['success', 'business_error', 'http_error', 'timeout', 'unreachable', 'bad_response', 'circuit_open', 'rejected'] as const;
export type IsalesOutcome = (typeof ISALES_OUTCOMES)[number];

/**
 * What an upstream failure means, asked of the error instead of tested by its class (docs/design.md
 * section 15): retry, breaker, telemetry, idempotent replay and stale-if-error all read this one
 * classification, made once where the failure is understood (src/upstream).
 */
export interface UpstreamMeaning {
  /** How the call ended, in the terms of metrics, spans and the request log. */
  readonly outcome: Exclude<IsalesOutcome, 'success'>;
  /** The request may have been processed by iSales (a write then must not be sent again blindly). */
  readonly mayHaveReachedIsales: boolean;
  /** Says something about iSales' health: counted by the operation's circuit breaker. */
  readonly countsAgainstBreaker: boolean;
  /**
   * Whether another attempt may be made: `always` (the request certainly never reached iSales),
   * `reads` (only an idempotent call may repeat it), or `never` (an answer, not a failure).
   */
  readonly retryable: 'always' | 'reads' | 'never';
  /** The HTTP status iSales answered with, when it answered. */
  readonly httpStatus?: number;
}

/** Whether another attempt of a call (idempotent or not) may follow this failure. */
export function mayRetry(meaning: UpstreamMeaning | undefined, idempotent: boolean): boolean {
  if (meaning === undefined) return false;
  return meaning.retryable === 'always' || (idempotent && meaning.retryable === 'reads');
}
