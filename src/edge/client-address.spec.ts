import { addressKey, clientAddress, trustFunction } from './client-address';

describe('clientAddress', () => {
  const off = trustFunction({ kind: 'off' });
  const oneHop = trustFunction({ kind: 'hops', hops: 1 });
  const loopback = trustFunction({ kind: 'addresses', list: ['127.0.0.1', '10.0.0.0/8'] });

  it('ignores X-Forwarded-For unless the peer is a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', off)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', '198.51.100.1', loopback)).toBe('203.0.113.9');
  });

  it('walks back through trusted proxies only', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1, 10.1.2.3', loopback)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '192.0.2.7, 198.51.100.1, 10.1.2.3', loopback)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.5', '192.0.2.7, 198.51.100.1', oneHop)).toBe('198.51.100.1');
  });

  it('never returns header text: a junk entry stops the walk at the proxy that sent it', () => {
    expect(clientAddress('127.0.0.1', `${'x'.repeat(12_000)}`, loopback)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1, not-an-ip', loopback)).toBe('127.0.0.1');
    expect(clientAddress('10.0.0.5', ['2001:db8::1', 'garbage'], oneHop)).toBe('10.0.0.5');
  });
});

describe('addressKey', () => {
  it('keeps IPv4 addresses and groups IPv6 ones per /64', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
