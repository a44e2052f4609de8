import { createHash } from 'node:crypto';
import { ValidationFailedError } from '../common/errors/gateway-error';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/**
 * The header's key: 1 to 255 visible ASCII characters, bare or as a quoted structured-field string
 * (draft-ietf-httpapi-idempotency-key-header). Undefined when the request has none.
 */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? null : header.replace(/^"(.*)"$/, '$1');
  if (value === null || !/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw new ValidationFailedError([{ name: 'Idempotency-Key', reason: 'Idempotency-Key must be one value of 1 to 255 visible ASCII characters' }]);
  }
  return value;
}

/** What identifies a write's target: its route template and its parameters as the route parses them. */
export interface IdempotencyScope {
  principal: string | null;
  method: string;
  /** The route template (`/api/v1/vdns/:vdnId/appointments`), not the raw path. */
  route: string;
  params: Readonly<Record<string, string>>;
}

/**
 * The parameters as the route's DTOs read them: `vdnId` is a number (`02` is VDN 2), the iSales
 * ids stay the strings they are. Keys sorted, so the order the router found them in is irrelevant.
 */
export function parsedParams(params: Readonly<Record<string, string>>): [string, string | number][] {
  return Object.keys(params)
    .sort()
    .map((name) => {
      const value = params[name];
      return [name, name === 'vdnId' && /^\d{1,9}$/.test(value) ? Number(value) : value];
    });
}

/**
 * Where a key lives: per caller, method, route template, parsed parameters (which hold the VDN)
 * and key, hashed so any key makes a short Redis key. So `/vdns/02/...` and `/vdns/2/...` share a
 * key, as they are one VDN. `principal` is null with access control disabled.
 */
export function idempotencyStoreKey(scope: IdempotencyScope, key: string): string {
  const text = JSON.stringify([scope.principal, scope.method, scope.route, parsedParams(scope.params), key]);
  return `idempotency:v2:${createHash('sha256').update(text).digest('base64url')}`;
}
