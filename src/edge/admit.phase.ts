import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../auth/auth.errors';
import { Authentication, Authenticator } from '../auth/authenticator';
import { AuthState } from '../auth/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { recordAuthFailure } from '../telemetry/metrics';
import { authorize } from './authorize';
import { CallbackGate, UnknownCallbackError } from './callback-gate';
import { recordCallbackRefused } from '../telemetry/call-result-metrics';
import { policyOf } from './route-policy';

const NO_SCOPES: ReadonlySet<string> = new Set();

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
    private readonly callbacks: CallbackGate | null = null,
  ) {}

  run(request: FastifyRequest, reply: FastifyReply): void | Promise<void> {
    const policy = policyOf(request);
    if (policy === undefined || policy.public) return;
    if (policy.callbackToken) return this.admitCallback(request, reply);
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

  /**
   * iSales' push carries no credentials: its path token is checked here, before the body is read.
   * A wrong token (or source) is answered as an unmatched path would be, 404 after spending the
   * client address's budget, so that guessing tokens is rate-limited like any stranger.
   */
  private admitCallback(request: FastifyRequest, reply: FastifyReply): void | Promise<void> {
    const verdict = this.callbacks ? this.callbacks.admit((request.params as Record<string, string> | undefined)?.token, request.clientAddress) : 'token';
    if (typeof verdict === 'string') {
      recordCallbackRefused(verdict);
      request.auth = { principal: null, error: null, failure: `callback-${verdict}` };
      return this.refuse(request, reply, new UnknownCallbackError(request.method, request.url));
    }
    request.callbackGrant = verdict;
    request.auth = { principal: { id: verdict.id, vdns: verdict.vdns, scopes: NO_SCOPES }, error: null, failure: null };
  }

  private refuse(request: FastifyRequest, reply: FastifyReply, error: GatewayError): Promise<void> {
    if (!this.spend) return Promise.reject(error);
    return Promise.resolve(this.spend(request, reply)).then(() => Promise.reject(error));
  }
}
