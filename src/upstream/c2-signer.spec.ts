import { C2Request, c2PercentEncode, c2Timestamp, parseC2Authorization, signC2 } from './c2-signer';

// Vectors V1..V3 of docs/isales/c2-signing.md section 6, reproduced byte for byte.
const credentials = { ak: 'globalaktest', sk: 'TestSecretKey0123456789' };
const at = new Date(1704164645000);
const body = '{"name":"Test Campaign","description":"demo"}';
const path = '/rest/isales/v1/openapi/campaigns/1';

describe('signC2', () => {
  const V1: C2Request = { method: 'POST', path, headers: { host: '10.22.26.181:28080' }, body };
  const V2: C2Request = { method: 'POST', path, headers: { 'Content-Type': 'application/json; charset=UTF-8', host: '10.22.26.181:28080' }, body };
  const V3: C2Request = {
    method: 'GET',
    path: '/rest/cmsapp/v1/openapi/example',
    query: { b: '2', a: 'x y', 'a-b': '', c: 'é/*' },
    headers: { host: 'cc.example.com:28443' },
  };

  it.each([
    [
      'V1: POST, signs host only',
      V1,
      {
        timestamp: '2024-01-02T03:04:05Z',
        authStringPrefix: 'auth-v2/globalaktest/2024-01-02T03:04:05Z/host',
        canonicalRequest:
          'POST\n/rest/isales/v1/openapi/campaigns/1\nhost\nhost:10.22.26.181%3A28080\n' +
          '%7B%22name%22%3A%22Test%20Campaign%22%2C%22description%22%3A%22demo%22%7D',
        signingKey: 'eaa1f770069c5375e0119fa3fbbd577fdbcb9c94b3fbb8c21fcee8fc6bf132d6',
        signature: '0fad8392329f1b55d82dd196ecf68d17732eb2aa1d21781ea166509606ae0045',
        authorization: 'auth-v2/globalaktest/2024-01-02T03:04:05Z/host/0fad8392329f1b55d82dd196ecf68d17732eb2aa1d21781ea166509606ae0045',
      },
    ],
    [
      'V2: also signs Content-Type',
      V2,
      {
        authStringPrefix: 'auth-v2/globalaktest/2024-01-02T03:04:05Z/content-type;host',
        canonicalRequest:
          'POST\n/rest/isales/v1/openapi/campaigns/1\ncontent-type;host\ncontent-type:application%2Fjson%3B%20charset%3DUTF-8\n' +
          'host:10.22.26.181%3A28080\n%7B%22name%22%3A%22Test%20Campaign%22%2C%22description%22%3A%22demo%22%7D',
        signingKey: 'eaa8a8ab5bb71c0e7a8aa6eaae68f8d1d76c358977f8e55e8d0b7a3f80e9f838',
        signature: 'b1d095fc7e994674fda3f5db7d793ad667c7b9092f6742bf501cd34ab792eb82',
      },
    ],
    [
      'V3: GET with a query and no body ends with a newline',
      V3,
      {
        authStringPrefix: 'auth-v2/globalaktest/2024-01-02T03:04:05Z/host',
        signingKey: 'eaa1f770069c5375e0119fa3fbbd577fdbcb9c94b3fbb8c21fcee8fc6bf132d6',
        canonicalRequest: 'GET\n/rest/cmsapp/v1/openapi/example\na-b=&a=x%20y&b=2&c=%C3%A9%2F%2A\nhost\nhost:cc.example.com%3A28443\n',
        signature: '9c2073468d401496579e823b1269d3fbe14fb05a944a5b53c5fdfed9fa4aff76',
        authorization: 'auth-v2/globalaktest/2024-01-02T03:04:05Z/host/9c2073468d401496579e823b1269d3fbe14fb05a944a5b53c5fdfed9fa4aff76',
      },
    ],
  ] as Array<[string, C2Request, Partial<ReturnType<typeof signC2>>]>)('%s', (_, request, expected) => {
    expect(signC2(request, credentials, at)).toMatchObject(expected);
  });

  it('omits the query line when the query is empty', () => {
    const s = signC2({ method: 'GET', path: '/p', query: {}, headers: { host: 'h' } }, credentials, at);
    expect(s.canonicalRequest).toBe('GET\n/p\nhost\nhost:h\n');
  });
});

describe('c2PercentEncode', () => {
  it.each([
    ['a b', 'a%20b'],
    ['/:', '%2F%3A'],
    ["!'()*", '%21%27%28%29%2A'],
    ['-._~AZaz09', '-._~AZaz09'],
    ['é', '%C3%A9'],
  ])('%s -> %s', (input, expected) => expect(c2PercentEncode(input)).toBe(expected));
});

describe('c2Timestamp', () => {
  it('drops milliseconds and keeps UTC', () => {
    expect(c2Timestamp(new Date('2024-01-02T03:04:05.678Z'))).toBe('2024-01-02T03:04:05Z');
  });
});

describe('parseC2Authorization', () => {
  const good = 'auth-v2/globalaktest/2024-01-02T03:04:05Z/host/' + 'a'.repeat(64);
  it('parses the five fields', () => {
    expect(parseC2Authorization(good)).toEqual({
      ak: 'globalaktest',
      timestamp: '2024-01-02T03:04:05Z',
      signedHeaders: ['host'],
      signature: 'a'.repeat(64),
    });
  });
  it.each([
    undefined,
    '',
    'Bearer x',
    'auth-v1/globalaktest/2024-01-02T03:04:05Z/host/' + 'a'.repeat(64),
    'auth-v2/globalaktest/2024-01-02T03:04:05.000Z/host/' + 'a'.repeat(64),
    'auth-v2/globalaktest/2024-01-02T03:04:05Z/host/' + 'A'.repeat(64),
    'auth-v2/globalaktest/2024-01-02T03:04:05Z/host',
    'auth-v2//2024-01-02T03:04:05Z/host/' + 'a'.repeat(64),
  ])('rejects %p', (value) => expect(parseC2Authorization(value)).toBeNull());
});
