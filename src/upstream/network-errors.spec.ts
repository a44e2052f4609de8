import { networkErrorFacts, networkFailureKind } from './network-errors';

describe('networkFailureKind', () => {
  it.each([
    [{ code: 'ECONNREFUSED', syscall: 'connect' }, 'refused'],
    [{ code: 'ETIMEDOUT', syscall: 'connect' }, 'refused'],
    [{ code: 'ENOTFOUND', syscall: 'getaddrinfo' }, 'refused'],
    [{ code: 'UND_ERR_CONNECT_TIMEOUT' }, 'refused'],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'refused'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'refused'],
    [{ code: 'ERR_SSL_WRONG_VERSION_NUMBER' }, 'refused'],
    [{ code: 'ECONNRESET', syscall: 'read' }, 'connection'],
    [{ code: 'EPIPE', syscall: 'write' }, 'connection'],
    [{ code: 'UND_ERR_SOCKET' }, 'connection'],
    [{}, 'connection'],
  ] as const)('%p is %s', (facts, kind) => expect(networkFailureKind(facts)).toBe(kind));
});

describe('networkErrorFacts', () => {
  it('finds the socket error a library wrapped', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', syscall: 'connect' });
    const wrapped = Object.assign(new Error('wrapped'), { code: 'ECONNREFUSED', cause: socket });
    expect(networkErrorFacts(wrapped)).toEqual({ code: 'ECONNREFUSED', syscall: 'connect' });
  });

  it('knows nothing about an error without a code', () => {
    expect(networkErrorFacts(new Error('x'))).toEqual({});
    expect(networkErrorFacts(undefined)).toEqual({});
  });
});
