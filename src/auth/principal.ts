import { GatewayError } from '../common/errors/gateway-error';
import { Scope } from '../common/request/scopes';

/** Who is calling, once authenticated: what the guard checks and what the rate limit and logs key on. */
export interface Principal {
  /** `key:<id>` for an API key, `sub:<subject>` for a JWT, `anonymous` with AUTH_DISABLED: never a secret. */
  readonly id: string;
  /** The VDNs the principal may touch, or every VDN. */
  readonly vdns: '*' | ReadonlySet<number>;
  readonly scopes: ReadonlySet<string>;
}

/** What the edge's admit phase found out about a request (read by the log line, audit and idempotency). */
export interface AuthState {
  principal: Principal | null;
  /** Why the credentials were refused, when they were. */
  error: GatewayError | null;
  /** A small stable reason when authentication or authorisation failed (log field). */
  failure: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthState;
  }
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.has(scope);
}

/**
 * Reads the raw `vdnId` path segment, as the validation pipe has not run yet (the edge comes first):
 * only 1 to 4 digits naming a VDN of the principal pass; anything else is refused before
 * validation can say anything about it, except for an all-VDN principal, which gets validation's 400.
 */
export function mayAccessVdn(principal: Principal, rawVdnId: string): boolean {
  if (principal.vdns === '*') return true;
  return /^\d{1,4}$/.test(rawVdnId) && principal.vdns.has(Number(rawVdnId));
}
