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
    throw new ValidationFailedError([
      { name: 'Idempotency-Key', reason: 'Idempotency-Key must be one value of 1 to 255 visible ASCII characters' },
    ]);
  }
  return value;
}

/**
 * Where a key lives: per caller, method, path (which holds the VDN) and key, hashed so any key
 * makes a short Redis key. `principal` is null until authentication attaches one.
 */
export function idempotencyStoreKey(principal: string | null, method: string, path: string, key: string): string {
  const scope = JSON.stringify([principal, method, path, key]);
  return `idempotency:v1:${createHash('sha256').update(scope).digest('base64url')}`;
}
