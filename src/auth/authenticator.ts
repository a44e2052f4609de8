import type { IncomingHttpHeaders } from 'node:http';
import { AuthConfig } from '../config/auth.config';
import { ApiKeyVerifier } from './api-key.verifier';
import { AuthUnavailableError, UnauthenticatedError } from './auth.errors';
import { JwtVerifier } from './jwt.verifier';
import { Principal } from './principal';
import { SCOPES } from '../common/request/scopes';

export const API_KEY_HEADER = 'x-api-key';

/** With AUTH_DISABLED: every caller, every VDN, every scope. */
const ANONYMOUS: Principal = { id: 'anonymous', vdns: '*', scopes: new Set(SCOPES) };

export type Authentication = { principal: Principal | null } | { error: UnauthenticatedError | AuthUnavailableError };

const DETAILS: Readonly<Record<string, string>> = {
  'missing-credentials': 'Send a bearer token (Authorization: Bearer <token>) or an API key (X-API-Key).',
  'ambiguous-credentials': 'Send either a bearer token or an API key, not both.',
  'token-expired': 'The token has expired; obtain a new one.',
};

/**
 * Turns the request's credentials into a principal. Only identifies: whether the principal may
 * call the route is the route policy's decision (src/edge/authorize.ts). No credentials is not an error here (public routes).
 */
export class Authenticator {
  private readonly apiKeys: ApiKeyVerifier;
  private readonly jwt: JwtVerifier | null;

  constructor(private readonly config: AuthConfig) {
    this.apiKeys = new ApiKeyVerifier(config.apiKeys);
    this.jwt = config.jwt && new JwtVerifier(config.jwt);
  }

  /** Synchronous for an API key, missing credentials or AUTH_DISABLED; a promise only for a bearer token. */
  authenticate(headers: IncomingHttpHeaders): Authentication | Promise<Authentication> {
    if (this.config.disabled) return { principal: ANONYMOUS };
    const authorization = headers.authorization;
    const apiKey = headers[API_KEY_HEADER];
    if (authorization !== undefined && apiKey !== undefined) return this.refuse('ambiguous-credentials');
    if (apiKey !== undefined) {
      const principal = typeof apiKey === 'string' && this.apiKeys.configured ? this.apiKeys.verify(apiKey) : null;
      return principal ? { principal } : this.refuse('unknown-api-key');
    }
    if (authorization === undefined) return { principal: null };
    const token = /^Bearer +([A-Za-z0-9\-_.]+=*) *$/i.exec(authorization)?.[1];
    if (!token) return this.refuse('malformed-authorization');
    if (!this.jwt) return this.refuse('bearer-not-accepted');
    return this.jwt.verify(token).then((outcome) => {
      if ('unavailable' in outcome) return { error: new AuthUnavailableError() };
      return 'principal' in outcome ? outcome : this.refuse(outcome.failure);
    });
  }

  /** The 401 for a request that reached a protected route with no credentials. */
  missing(): UnauthenticatedError {
    return this.unauthenticated('missing-credentials');
  }

  private refuse(reason: string): Authentication {
    return { error: this.unauthenticated(reason) };
  }

  private unauthenticated(reason: string): UnauthenticatedError {
    // RFC 6750 section 3: error="invalid_token" only when a token was presented.
    const challenges = [
      this.jwt && `Bearer realm="isales-gateway"${reason === 'missing-credentials' ? '' : ', error="invalid_token"'}`,
      this.apiKeys.configured && 'ApiKey realm="isales-gateway"',
    ];
    return new UnauthenticatedError(reason, DETAILS[reason] ?? 'The credentials are not valid.', challenges.filter(Boolean).join(', '));
  }
}
