import crypto from 'node:crypto';
import { apiKeyHash, ApiKeyVerifier, VERIFIED_KEYS_KEPT } from './api-key.verifier';

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

  describe('remembering verified keys', () => {
    const entries = Array.from({ length: VERIFIED_KEYS_KEPT + 2 }, (_, i) => ({
      id: `k${i}`,
      sha256: apiKeyHash(`key-${i}`),
      vdns: '*' as const,
      scopes: new Set(['isales:read']),
    }));
    const remembered = (verifier: ApiKeyVerifier) => (verifier as unknown as { verified: Map<string, unknown> }).verified.size;
    afterEach(() => jest.restoreAllMocks());

    it('hashes a verified key once, and answers the same principal after', () => {
      const fresh = new ApiKeyVerifier(entries.slice(0, 2));
      const hashed = jest.spyOn(crypto, 'hash');
      const first = fresh.verify('key-1');
      expect(fresh.verify('key-1')).toBe(first);
      expect(first?.id).toBe('key:k1');
      expect(hashed).toHaveBeenCalledTimes(1);
    });

    it('keeps hashing and comparing wrong keys, and never remembers them', () => {
      const fresh = new ApiKeyVerifier(entries.slice(0, 2));
      const hashed = jest.spyOn(crypto, 'hash');
      const compared = jest.spyOn(crypto, 'timingSafeEqual');
      for (let i = 0; i < 100; i++) expect(fresh.verify(`wrong-${i}`)).toBeNull();
      expect(fresh.verify('wrong-1')).toBeNull();
      expect(hashed).toHaveBeenCalledTimes(101);
      expect(compared).toHaveBeenCalledTimes(202);
      expect(remembered(fresh)).toBe(0);
    });

    it('remembers at most VERIFIED_KEYS_KEPT keys, the oldest forgotten first, still verifying them after', () => {
      const fresh = new ApiKeyVerifier(entries);
      for (let i = 0; i < entries.length; i++) expect(fresh.verify(`key-${i}`)?.id).toBe(`key:k${i}`);
      expect(remembered(fresh)).toBe(VERIFIED_KEYS_KEPT);
      const hashed = jest.spyOn(crypto, 'hash');
      expect(fresh.verify('key-0')?.id).toBe('key:k0');
      expect(hashed).toHaveBeenCalledTimes(1);
      expect(remembered(fresh)).toBe(VERIFIED_KEYS_KEPT);
    });
  });
});
