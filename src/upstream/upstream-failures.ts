import { TaskCancelledError } from 'cockatiel';
import { IsalesHttpError, IsalesTimeoutError, IsalesUnreachableError } from './isales.errors';

/**
 * Which failures say something about iSales' health, and which may be tried again (docs/design.md
 * section 9). Business codes, other 4xx and unreadable bodies are answers: never retried, never
 * counted against the breaker.
 */

/** Connection failures, timeouts and 5xx: what the circuit breaker counts. */
export function isUpstreamFailure(error: unknown): boolean {
  if (error instanceof IsalesUnreachableError || error instanceof IsalesTimeoutError) return true;
  // Cockatiel's own per-attempt timeout.
  if (error instanceof TaskCancelledError) return true;
  return error instanceof IsalesHttpError && error.httpStatus >= 500;
}

/**
 * What a retry may repeat. A read (idempotent) is repeated after any upstream failure and after
 * 429; a write only when the request certainly never reached iSales.
 */
export function isRetryable(error: unknown, idempotent: boolean): boolean {
  if (!idempotent) return error instanceof IsalesUnreachableError && error.refused;
  return isUpstreamFailure(error) || (error instanceof IsalesHttpError && error.httpStatus === 429);
}

/** How long iSales asked to wait before the next call (HTTP 429 with Retry-After), in ms. */
export function requestedWaitMs(error: unknown): number | undefined {
  if (error instanceof IsalesHttpError && error.httpStatus === 429 && error.retryAfterS !== undefined) {
    return error.retryAfterS * 1000;
  }
  return undefined;
}
