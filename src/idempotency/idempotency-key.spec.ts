import { ValidationFailedError } from '../common/errors/gateway-error';
import { idempotencyKeyOf, idempotencyStoreKey } from './idempotency-key';

describe('idempotencyKeyOf', () => {
  it('takes a bare or quoted key and ignores an absent header', () => {
    expect(idempotencyKeyOf(undefined)).toBeUndefined();
    expect(idempotencyKeyOf('5f0c2b1e-4f7a')).toBe('5f0c2b1e-4f7a');
    expect(idempotencyKeyOf('"5f0c2b1e-4f7a"')).toBe('5f0c2b1e-4f7a');
    expect(idempotencyKeyOf('k'.repeat(255))).toBe('k'.repeat(255));
  });

  it.each([[''], ['a b'], ['k'.repeat(256)], ['é'], [['a', 'b']]])('refuses %j', (header) => {
    expect(() => idempotencyKeyOf(header)).toThrow(ValidationFailedError);
  });
});

describe('idempotencyStoreKey', () => {
  it('separates callers, methods, paths (and so VDNs) and keys', () => {
    const base = idempotencyStoreKey(null, 'POST', '/api/v1/vdns/1/file-servers', 'k');
    expect(base).toMatch(/^idempotency:v1:[A-Za-z0-9_-]{43}$/);
    expect(idempotencyStoreKey('crm', 'POST', '/api/v1/vdns/1/file-servers', 'k')).not.toBe(base);
    expect(idempotencyStoreKey(null, 'POST', '/api/v1/vdns/2/file-servers', 'k')).not.toBe(base);
    expect(idempotencyStoreKey(null, 'POST', '/api/v1/vdns/1/appointments', 'k')).not.toBe(base);
    expect(idempotencyStoreKey(null, 'POST', '/api/v1/vdns/1/file-servers', 'k2')).not.toBe(base);
  });
});
