import { ForbiddenError } from '../auth/auth.errors';
import { hasScope, mayAccessVdn, Principal } from '../auth/principal';
import type { AuthFailureReason } from '../telemetry/metric-names';
import type { RoutePolicy } from './route-policy';

export interface Refusal {
  error: ForbiddenError;
  metric: AuthFailureReason;
}

const refuse = (reason: string, metric: AuthFailureReason, detail: string): Refusal => ({ error: new ForbiddenError(reason, detail), metric });

/**
 * What a principal may not do on a route, by its compiled policy: a route open to no caller, a
 * missing scope, a VDN outside the principal's. Null: allowed. Reads the raw `vdnId` segment (the
 * body and the validation pipe have not run): only 1 to 4 digits naming one of the principal's VDNs
 * pass, except for an all-VDN principal, which gets validation's 400 later.
 */
export function authorize(policy: RoutePolicy, principal: Principal, params: unknown): Refusal | null {
  if (policy.scope === null) return refuse('route-without-scope', 'scope_missing', 'This route is not open to any caller.');
  if (!hasScope(principal, policy.scope)) return refuse('missing-scope', 'scope_missing', `The credentials do not grant ${policy.scope}.`);
  if (policy.vdnParam) {
    const vdnId = (params as Record<string, string> | undefined)?.vdnId;
    if (vdnId !== undefined && !mayAccessVdn(principal, vdnId)) {
      return refuse('vdn-not-allowed', 'vdn_not_allowed', 'The credentials do not grant access to this VDN.');
    }
  }
  return null;
}
