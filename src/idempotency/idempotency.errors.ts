import { GatewayError } from '../common/errors/gateway-error';

export class IdempotencyKeyReusedError extends GatewayError {
  readonly slug = 'idempotency-key-reused';
  readonly title = 'This Idempotency-Key was used with another request body';
  readonly status = 422;

  constructor() {
    super('The Idempotency-Key was already used for a different request; use a new key for a new request.');
  }
}

export class IdempotencyKeyInUseError extends GatewayError {
  readonly slug = 'idempotency-key-in-use';
  readonly title = 'A request with this Idempotency-Key is still in progress';
  readonly status = 409;

  constructor() {
    super('The first request with this Idempotency-Key has not finished yet; retry once it has.');
    this.retryAfterS = 1;
  }
}

/** Without the shared store, the gateway cannot promise a retry will not write twice, so it does not write. */
export class IdempotencyUnavailableError extends GatewayError {
  readonly slug = 'idempotency-unavailable';
  readonly title = 'Idempotency keys cannot be checked right now';
  readonly status = 503;

  constructor() {
    super('Redis does not answer, so the Idempotency-Key cannot be honoured; nothing was written. Try again shortly.');
    this.retryAfterS = 5;
  }
}
