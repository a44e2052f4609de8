import { createHash } from 'node:crypto';
import { CallbackGate } from './callback-gate';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('CallbackGate', () => {
  const tokens = [
    { id: 'a', sha256: sha256('token-a'), vdns: new Set([1]) },
    { id: 'b', sha256: sha256('token-b'), vdns: '*' as const },
  ];

  it('admits a configured token with its VDNs, and nothing else', () => {
    const gate = new CallbackGate(tokens, null);
    expect(gate.admit('token-a', '10.0.0.1')).toEqual({ id: 'callback:a', vdns: new Set([1]) });
    expect(gate.admit('token-b', '10.0.0.1')).toEqual({ id: 'callback:b', vdns: '*' });
    for (const wrong of ['token-c', '', 'x'.repeat(10_000), undefined, sha256('token-a')]) expect(gate.admit(wrong, '10.0.0.1')).toBe('token');
  });

  it('refuses every push without configured tokens', () => {
    expect(new CallbackGate([], null).admit('token-a', '10.0.0.1')).toBe('token');
  });

  it('admits only from ISALES_CALLBACK_SOURCES when set', () => {
    const gate = new CallbackGate(tokens, ['10.20.0.0/16', '192.0.2.7']);
    expect(gate.admit('token-a', '10.20.3.4')).toMatchObject({ id: 'callback:a' });
    expect(gate.admit('token-a', '::ffff:192.0.2.7')).toMatchObject({ id: 'callback:a' });
    expect(gate.admit('token-a', '10.21.0.1')).toBe('source');
  });
});
