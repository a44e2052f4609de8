import { parseCallbackTokens } from './callback-tokens.parser';

const HASH = 'ab'.repeat(32);

describe('parseCallbackTokens', () => {
  it('reads hashes with their VDNs, naming an entry without an id by its position', () => {
    const parsed = parseCallbackTokens(
      JSON.stringify([
        { token: HASH.toUpperCase(), vdns: [1, '2'] },
        { id: 'b', token: 'cd'.repeat(32), vdns: '*' },
      ]),
    );
    expect(parsed).toEqual({
      tokens: [
        { id: '0', sha256: HASH, vdns: new Set([1, 2]) },
        { id: 'b', sha256: 'cd'.repeat(32), vdns: '*' },
      ],
    });
  });

  it.each([
    ['not JSON', '{', 'is not valid JSON'],
    ['not an array', '{}', 'must be a JSON array'],
    [
      'a raw token instead of its hash',
      JSON.stringify([{ token: 'secret-token', vdns: [1] }]),
      "entry 0: token must be the 64 hex digits of the token's SHA-256",
    ],
    [
      'the same hash twice',
      JSON.stringify([
        { token: HASH, vdns: [1] },
        { token: HASH, vdns: [2] },
      ]),
      'entry 1: the same token is configured twice',
    ],
    ['no VDNs', JSON.stringify([{ token: HASH }]), 'entry 0: vdns must be "*" or an array of VDN ids 1..9999'],
    ['an unknown field', JSON.stringify([{ token: HASH, vdns: [1], scopes: [] }]), 'entry 0 has unknown fields (scopes)'],
  ])('refuses %s, never quoting a value', (_case, text, problem) => {
    const parsed = parseCallbackTokens(text);
    expect(parsed).toEqual({ problem: expect.stringContaining(problem) });
    expect(JSON.stringify(parsed)).not.toContain('secret-token');
  });
});
