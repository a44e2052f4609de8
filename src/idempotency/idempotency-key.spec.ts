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
  const route = '/api/v1/vdns/:vdnId/file-servers';
  const scope = (principal: string | null, vdnId: string, template = route, method = 'POST') => ({ principal, method, route: template, params: { vdnId } });

  it('separates callers, methods, routes, VDNs and keys', () => {
    const base = idempotencyStoreKey(scope(null, '1'), 'k');
    expect(base).toMatch(/^idempotency:v2:[A-Za-z0-9_-]{43}$/);
    expect(idempotencyStoreKey(scope('crm', '1'), 'k')).not.toBe(base);
    expect(idempotencyStoreKey(scope(null, '2'), 'k')).not.toBe(base);
    expect(idempotencyStoreKey(scope(null, '1', '/api/v1/vdns/:vdnId/appointments'), 'k')).not.toBe(base);
    expect(idempotencyStoreKey(scope(null, '1', route, 'PUT'), 'k')).not.toBe(base);
    expect(idempotencyStoreKey(scope(null, '1'), 'k2')).not.toBe(base);
  });

  it('scopes by the parsed VDN, so 02 and 2 share a key, and by the ids as they are', () => {
    expect(idempotencyStoreKey(scope('crm', '02'), 'k')).toBe(idempotencyStoreKey(scope('crm', '2'), 'k'));
    const id = (serverId: string) => ({ principal: null, method: 'PUT', route: `${route}/:serverId`, params: { serverId, vdnId: '1' } });
    expect(idempotencyStoreKey(id('007'), 'k')).not.toBe(idempotencyStoreKey(id('7'), 'k'));
  });
});
