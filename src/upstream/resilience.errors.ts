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

/** Held off by this gateway (HELD_OFF), to be tried again in a second; `refusal` says which limit and why. */
abstract class HeldOffError extends UpstreamNotCalledError {
  readonly slug: string;
  readonly title: string;
  readonly upstreamMeaning = HELD_OFF;

  constructor(operation: IsalesOperation, refusal: { slug: string; title: string; detail: string }) {
    super(operation, refusal.detail, 1);
    this.slug = refusal.slug;
    this.title = refusal.title;
  }
}

/** Every slot toward iSales is taken and so is every place in the waiting line (this instance's, or the VDN's share of it). */
const BUSY = {
  slug: 'upstream-busy',
  title: 'Too many requests to iSales are in progress',
  detail: 'This gateway instance already has as many requests to iSales in progress and waiting as it allows; try again in a second.',
};
/** No share of the fleet-wide call rate came free within the call's deadline. */
const QUOTA_EXHAUSTED = {
  slug: 'upstream-quota-exhausted',
  title: 'The request rate allowed toward iSales is used up',
  detail: 'The gateways together already send iSales as many requests per second as it is allowed to receive; try again in a second.',
};

export class IsalesBusyError extends HeldOffError {
  constructor(operation: IsalesOperation) {
    super(operation, BUSY);
  }
}

export class IsalesQuotaExhaustedError extends HeldOffError {
  constructor(operation: IsalesOperation) {
    super(operation, QUOTA_EXHAUSTED);
  }
}
