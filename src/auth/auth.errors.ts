import { GatewayError, ProblemKindError } from '../common/errors/gateway-error';

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
export class AuthUnavailableError extends ProblemKindError {
  readonly reason = 'jwks-unavailable';

  constructor() {
    super(
      { slug: 'auth-unavailable', title: 'Tokens cannot be verified right now', status: 503, retryAfterS: 5 },
      'The identity provider\u2019s signing keys are unreachable; try again shortly.',
    );
  }
}

/** 429: the principal (or, unauthenticated, the client address) spent its budget for the window. */
export class RateLimitedError extends ProblemKindError {
  constructor(retryAfterS: number, windowS: number) {
    const renewsS = Math.max(retryAfterS, 1);
    super(
      { slug: 'rate-limited', title: 'Too many requests', status: 429, retryAfterS: renewsS },
      `Rate limit reached; the budget renews within ${renewsS} s (window ${windowS} s).`,
    );
  }
}
