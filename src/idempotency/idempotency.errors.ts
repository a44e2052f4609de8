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

/** A replay of a success whose answer was too large to keep: the write is not repeated, and Location says where its result is. */
export class IdempotencyAnswerNotKeptError extends GatewayError {
  readonly slug = 'idempotency-answer-not-kept';
  readonly title = 'The first answer for this Idempotency-Key was not kept';
  readonly status = 409;

  constructor(bytes: number, maxBytes: number) {
    super(
      `The first request with this Idempotency-Key succeeded, but its answer (${bytes} bytes) was larger than ` +
        `IDEMPOTENCY_MAX_RECORD_BYTES (${maxBytes}) and was not kept; nothing was written again. Read the result instead (Location, when given).`,
    );
  }
}
