import { principalFromClaims, scopesOf } from './jwt-claims';

describe('JWT claims', () => {
  it('reads scopes from scope (space-separated) and scp (array or string)', () => {
    expect(scopesOf({ scope: 'openid  isales:read' })).toEqual(new Set(['openid', 'isales:read']));
    expect(scopesOf({ scp: ['isales:read', 42, 'isales:admin'] })).toEqual(new Set(['isales:read', 'isales:admin']));
    expect(scopesOf({ scope: 'a', scp: 'b c' })).toEqual(new Set(['a', 'b', 'c']));
    expect(scopesOf({})).toEqual(new Set());
  });

  it('reads VDNs from the configured claim: "*", ["*"], numbers or digit strings', () => {
    expect(principalFromClaims({ sub: 'u', vdns: '*' }, 'vdns')?.vdns).toBe('*');
    expect(principalFromClaims({ sub: 'u', tenants: ['*'] }, 'tenants')?.vdns).toBe('*');
    expect(principalFromClaims({ sub: 'u', vdns: [1, '22'] }, 'vdns')?.vdns).toEqual(new Set([1, 22]));
  });

  it('grants no VDN for a missing or malformed claim', () => {
    for (const vdns of [undefined, 'all', [1, 'x'], [0], [10000], { 1: true }, [1.5]]) {
      expect(principalFromClaims({ sub: 'u', vdns }, 'vdns')?.vdns).toEqual(new Set());
    }
  });

  it('names the principal by its subject, and refuses a token without one', () => {
    expect(principalFromClaims({ sub: 'svc-crm' }, 'vdns')?.id).toBe('sub:svc-crm');
    expect(principalFromClaims({}, 'vdns')).toBeNull();
    expect(principalFromClaims({ sub: '' }, 'vdns')).toBeNull();
  });
});
