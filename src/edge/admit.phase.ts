import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../auth/auth.errors';
import { Authentication, Authenticator } from '../auth/authenticator';
import { AuthState } from '../auth/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { recordAuthFailure } from '../telemetry/metrics';
import { authorize } from './authorize';
import { policyOf } from './route-policy';

/** Counts a refused request against its client address before the refusal is answered (the limit phase). */
export type SpendBudget = (request: FastifyRequest, reply: FastifyReply) => void | Promise<void>;

/**
 * Phase 3, authenticate and authorise, in `onRequest`, before a byte of the body is read: the
 * route's compiled policy decides (public, scope, VDN). An API key is checked synchronously; only a
 * bearer token waits (for the issuer's key set). A refusal is spent against the caller's budget
 * first (so guessing keys is rate-limited like anything else), then answered as a 401/403 at once.
 * Public routes and unmatched paths are not authenticated at all (the latter answer 404).
 */
export class AdmitPhase {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly spend: SpendBudget | null,
  ) {}

  run(request: FastifyRequest, reply: FastifyReply): void | Promise<void> {
    const policy = policyOf(request);
    if (policy === undefined || policy.public) return;
    const result = this.authenticator.authenticate(request.headers);
    return result instanceof Promise ? result.then((outcome) => this.decide(request, reply, outcome)) : this.decide(request, reply, result);
  }

  private decide(request: FastifyRequest, reply: FastifyReply, outcome: Authentication): void | Promise<void> {
    if ('error' in outcome) {
      const state: AuthState = { principal: null, error: outcome.error, failure: outcome.error.reason };
      request.auth = state;
      // An issuer that cannot be reached is not the caller's failure.
      if (outcome.error instanceof UnauthenticatedError) recordAuthFailure('invalid_credentials');
      return this.refuse(request, reply, outcome.error);
    }
    const principal = outcome.principal;
    if (principal === null) {
      const missing = this.authenticator.missing();
      request.auth = { principal: null, error: missing, failure: missing.reason };
      recordAuthFailure('missing_credentials');
      return this.refuse(request, reply, missing);
    }
    const refusal = authorize(policyOf(request)!, principal, request.params);
    if (refusal) {
      request.auth = { principal, error: refusal.error, failure: refusal.error.reason };
      recordAuthFailure(refusal.metric);
      return this.refuse(request, reply, refusal.error);
    }
    request.auth = { principal, error: null, failure: null };
  }

  private refuse(request: FastifyRequest, reply: FastifyReply, error: GatewayError): Promise<void> {
    if (!this.spend) return Promise.reject(error);
    return Promise.resolve(this.spend(request, reply)).then(() => Promise.reject(error));
  }
}
