import type { UpstreamMeaning } from '../common/errors/upstream-meaning';
import { IsalesError } from './isales.errors';
import type { IsalesOperation } from './operations.catalogue';

const CIRCUIT_OPEN: UpstreamMeaning = Object.freeze({ outcome: 'circuit_open', mayHaveReachedIsales: false, countsAgainstBreaker: false, retryable: 'never' });
// Held off by this gateway (a bulkhead full, the fleet's quota spent): iSales was not called.
const HELD_OFF: UpstreamMeaning = Object.freeze({ outcome: 'rejected', mayHaveReachedIsales: false, countsAgainstBreaker: false, retryable: 'never' });

/**
 * The gateway declined to call iSales (docs/design.md section 2: 503 with Retry-After). Each says why in
 * words an operator or a frontend developer understands; none names the mechanism.
 */
abstract class UpstreamNotCalledError extends IsalesError {
  readonly status = 503;

  constructor(operation: IsalesOperation, detail: string, retryAfterS: number) {
    super(operation, detail);
    this.retryAfterS = Math.max(1, Math.ceil(retryAfterS));
  }
}

/** The operation's circuit breaker (for this VDN) is open. */
export class IsalesCircuitOpenError extends UpstreamNotCalledError {
  readonly slug = 'upstream-unavailable';
  readonly title = 'iSales is unavailable';
  readonly upstreamMeaning = CIRCUIT_OPEN;

  constructor(operation: IsalesOperation, retryAfterS: number) {
    super(
      operation,
      'iSales failed several times in a row, so the gateway stops calling it for a short while; try again after the Retry-After delay.',
      retryAfterS,
    );
  }
}

/** Every slot toward iSales is taken and so is every place in the waiting line (this instance's, or the VDN's share of it). */
export class IsalesBusyError extends UpstreamNotCalledError {
  readonly slug = 'upstream-busy';
  readonly title = 'Too many requests to iSales are in progress';
  readonly upstreamMeaning = HELD_OFF;

  constructor(operation: IsalesOperation) {
    super(operation, 'This gateway instance already has as many requests to iSales in progress and waiting as it allows; try again in a second.', 1);
  }
}

/** No share of the fleet-wide call rate came free within the call's deadline. */
export class IsalesQuotaExhaustedError extends UpstreamNotCalledError {
  readonly slug = 'upstream-quota-exhausted';
  readonly title = 'The request rate allowed toward iSales is used up';
  readonly upstreamMeaning = HELD_OFF;

  constructor(operation: IsalesOperation) {
    super(operation, 'The gateways together already send iSales as many requests per second as it is allowed to receive; try again in a second.', 1);
  }
}
