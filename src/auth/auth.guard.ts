import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from './auth.errors';
import { Authenticator } from './authenticator';
import { hasScope, mayAccessVdn } from './principal';
import { PUBLIC_ROUTE_KEY, REQUIRED_SCOPE_KEY, Scope } from './scopes.decorator';
import { recordAuthFailure } from '../telemetry/metrics';

/**
 * The one global guard: routes declare a scope (@RequireScope) or @Public(); a route with neither
 * is refused, so a forgotten decorator fails closed. Runs before pipes, so nothing is validated,
 * read from the cache or asked of iSales for a caller who may not ask.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const state = request.auth ?? (request.auth = { principal: null, error: null, failure: null });
    const scope = this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE_KEY, targets);
    if (!scope) throw this.deny(state, 'route-without-scope', 'This route is not open to any caller.');
    if (state.error) {
      // Credentials that did not verify; an issuer that cannot be reached is not the caller's failure.
      if (state.error instanceof UnauthenticatedError) recordAuthFailure('invalid_credentials');
      throw state.error;
    }
    const principal = state.principal;
    if (!principal) {
      const missing = this.authenticator.missing();
      state.failure = missing.reason;
      recordAuthFailure('missing_credentials');
      throw missing;
    }
    if (!hasScope(principal, scope)) throw this.deny(state, 'missing-scope', `The credentials do not grant ${scope}.`);
    const vdnId = (request.params as Record<string, string> | undefined)?.vdnId;
    if (vdnId !== undefined && !mayAccessVdn(principal, vdnId)) {
      throw this.deny(state, 'vdn-not-allowed', 'The credentials do not grant access to this VDN.');
    }
    return true;
  }

  private deny(state: { failure: string | null }, reason: string, detail: string): ForbiddenError {
    state.failure = reason;
    recordAuthFailure(reason === 'vdn-not-allowed' ? 'vdn_not_allowed' : 'scope_missing');
    return new ForbiddenError(reason, detail);
  }
}
