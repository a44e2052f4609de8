import { apiKeyHash, ApiKeyVerifier } from './api-key.verifier';

describe('ApiKeyVerifier', () => {
  const verifier = new ApiKeyVerifier([
    { id: 'crm', sha256: apiKeyHash('crm-key'), vdns: new Set([1]), scopes: new Set(['isales:read']) },
    { id: 'ops', sha256: apiKeyHash('ops-key'), vdns: '*', scopes: new Set(['isales:admin']) },
  ]);

  it('finds the key whose hash matches, as a principal named by the key id', () => {
    expect(verifier.verify('crm-key')).toEqual({ id: 'key:crm', vdns: new Set([1]), scopes: new Set(['isales:read']) });
    expect(verifier.verify('ops-key')?.id).toBe('key:ops');
  });

  it('finds nothing for another, empty or over-long key', () => {
    expect(verifier.verify('crm-key ')).toBeNull();
    expect(verifier.verify('')).toBeNull();
    expect(verifier.verify('x'.repeat(10_000))).toBeNull();
    expect(new ApiKeyVerifier([]).verify('crm-key')).toBeNull();
  });
});
