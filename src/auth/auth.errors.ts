import { GatewayError } from '../common/errors/gateway-error';

/** A refusal by access control; `reason` is a small stable string for logs (and later metrics), never for the body. */
abstract class AccessRefusedError extends GatewayError {
  constructor(
    readonly reason: string,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * 401: no credentials, or credentials that do not verify. The detail says only what the caller can
 * act on (send credentials, refresh an expired token).
 */
export class UnauthenticatedError extends AccessRefusedError {
  readonly slug = 'unauthenticated';
  readonly title = 'Authentication required';
  readonly status = 401;

  constructor(reason: string, detail: string, challenge: string) {
    super(reason, detail);
    this.headers = { 'www-authenticate': challenge };
  }
}

/** 403: a valid principal without the scope or the VDN the route needs. */
export class ForbiddenError extends AccessRefusedError {
  readonly slug = 'forbidden';
  readonly title = 'Not allowed';
  readonly status = 403;
}

/** 503: the issuer's key set cannot be fetched, so no token can be checked (not the caller's fault). */
export class AuthUnavailableError extends GatewayError {
  readonly slug = 'auth-unavailable';
  readonly title = 'Tokens cannot be verified right now';
  readonly status = 503;
  readonly reason = 'jwks-unavailable';

  constructor() {
    super('The identity provider\u2019s signing keys are unreachable; try again shortly.');
    this.retryAfterS = 5;
  }
}

/** 429: the principal (or, unauthenticated, the client address) spent its budget for the window. */
export class RateLimitedError extends GatewayError {
  readonly slug = 'rate-limited';
  readonly title = 'Too many requests';
  readonly status = 429;

  constructor(retryAfterS: number, windowS: number) {
    super(`Rate limit reached; the budget renews within ${Math.max(retryAfterS, 1)} s (window ${windowS} s).`);
    this.retryAfterS = Math.max(retryAfterS, 1);
  }
}
