import { parseApiKeys } from './api-keys.parser';

const HASH = 'a'.repeat(64);

describe('parseApiKeys', () => {
  it('reads ids, hashes (lower-cased), VDN lists and scopes', () => {
    const parsed = parseApiKeys(
      JSON.stringify([
        { id: 'crm', sha256: HASH.toUpperCase(), vdns: [1, '2'], scopes: ['isales:read'] },
        { id: 'ops', sha256: 'b'.repeat(64), vdns: '*', scopes: ['isales:read', 'isales:admin'] },
      ]),
    );
    expect(parsed).toEqual({
      keys: [
        { id: 'crm', sha256: HASH, vdns: new Set([1, 2]), scopes: new Set(['isales:read']) },
        { id: 'ops', sha256: 'b'.repeat(64), vdns: '*', scopes: new Set(['isales:read', 'isales:admin']) },
      ],
    });
  });

  it.each([
    ['not JSON', '[{', 'is not valid JSON'],
    ['not an array', '{}', 'must be a JSON array'],
    ['a bad id', JSON.stringify([{ id: 'has space', sha256: HASH, vdns: [1], scopes: ['isales:read'] }]), 'entry 0: id'],
    ['a short hash', JSON.stringify([{ id: 'a', sha256: 'abc', vdns: [1], scopes: ['isales:read'] }]), 'entry 0 (a): sha256'],
    ['a VDN out of range', JSON.stringify([{ id: 'a', sha256: HASH, vdns: [0], scopes: ['isales:read'] }]), 'vdns'],
    ['an unknown scope', JSON.stringify([{ id: 'a', sha256: HASH, vdns: [1], scopes: ['isales:everything'] }]), 'scopes'],
    ['no scope', JSON.stringify([{ id: 'a', sha256: HASH, vdns: [1], scopes: [] }]), 'scopes'],
    ['an unknown field', JSON.stringify([{ id: 'a', sha256: HASH, vdns: [1], scopes: ['isales:read'], key: 'raw' }]), 'unknown fields (key)'],
    [
      'a duplicate id',
      JSON.stringify([
        { id: 'a', sha256: HASH, vdns: [1], scopes: ['isales:read'] },
        { id: 'a', sha256: 'b'.repeat(64), vdns: [1], scopes: ['isales:read'] },
      ]),
      'used twice',
    ],
    [
      'a duplicate hash',
      JSON.stringify([
        { id: 'a', sha256: HASH, vdns: [1], scopes: ['isales:read'] },
        { id: 'b', sha256: HASH, vdns: [1], scopes: ['isales:read'] },
      ]),
      'same sha256',
    ],
  ])('names the fault in %s, never a value', (_name, text, problem) => {
    const parsed = parseApiKeys(text);
    expect('problem' in parsed && parsed.problem).toContain(problem);
    expect(JSON.stringify(parsed)).not.toContain(HASH);
    expect(JSON.stringify(parsed)).not.toContain('raw');
  });
});
