import { ProblemKind, ProblemKindError } from '../common/errors/gateway-error';

const KEY_REUSED: ProblemKind = { slug: 'idempotency-key-reused', title: 'This Idempotency-Key was used with another request body', status: 422 };
const KEY_IN_USE: ProblemKind = {
  slug: 'idempotency-key-in-use',
  title: 'A request with this Idempotency-Key is still in progress',
  status: 409,
  retryAfterS: 1,
};
const UNAVAILABLE: ProblemKind = { slug: 'idempotency-unavailable', title: 'Idempotency keys cannot be checked right now', status: 503, retryAfterS: 5 };
const ANSWER_NOT_KEPT: ProblemKind = { slug: 'idempotency-answer-not-kept', title: 'The first answer for this Idempotency-Key was not kept', status: 409 };

export class IdempotencyKeyReusedError extends ProblemKindError {
  constructor() {
    super(KEY_REUSED, 'The Idempotency-Key was already used for a different request; use a new key for a new request.');
  }
}

export class IdempotencyKeyInUseError extends ProblemKindError {
  constructor() {
    super(KEY_IN_USE, 'The first request with this Idempotency-Key has not finished yet; retry once it has.');
  }
}

/** Without the shared store, the gateway cannot promise a retry will not write twice, so it does not write. */
export class IdempotencyUnavailableError extends ProblemKindError {
  constructor() {
    super(UNAVAILABLE, 'Redis does not answer, so the Idempotency-Key cannot be honoured; nothing was written. Try again shortly.');
  }
}

/** A replay of a success whose answer was too large to keep: the write is not repeated, and Location says where its result is. */
export class IdempotencyAnswerNotKeptError extends ProblemKindError {
  constructor(bytes: number, maxBytes: number) {
    super(
      ANSWER_NOT_KEPT,
      `The first request with this Idempotency-Key succeeded, but its answer (${bytes} bytes) was larger than ` +
        `IDEMPOTENCY_MAX_RECORD_BYTES (${maxBytes}) and was not kept; nothing was written again. Read the result instead (Location, when given).`,
    );
  }
}
