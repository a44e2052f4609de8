import { fakeClock } from './support/clock';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { apiKeyHash } from '../src/auth/api-key.verifier';
import { ProblemDetails } from '../src/common/errors/problem';
import { expectProblem } from './support/problem-expectations';
import { bearer, makeSigningKey, SigningKey, signToken, TestIssuer, useIssuerStack } from './support/jwks';
import { Stack, startStack, TEST_API_KEY } from './support/harness';

const FILE_SERVERS = '/api/v1/vdns/1/file-servers';
const CACHE = '/api/v1/vdns/1/business-results/cache';

/** API keys of three services: VDN 1 read-only, VDN 1 admin, and one with a key that is configured nowhere. */
const READER_KEY = 'reader-key-6f1e0c2b9a';
const ADMIN_KEY = 'admin-key-0d9c8b7a6f';
const API_KEYS = JSON.stringify([
  { id: 'crm', sha256: apiKeyHash(READER_KEY), vdns: [1], scopes: ['isales:read'] },
  { id: 'ops', sha256: apiKeyHash(ADMIN_KEY), vdns: ['1', 2], scopes: ['isales:read', 'isales:admin'] },
  { id: 'e2e', sha256: apiKeyHash(TEST_API_KEY), vdns: '*', scopes: ['isales:read', 'isales:write', 'isales:admin'] },
]);
const apiKey = (key: string): RequestInit => ({ headers: { 'x-api-key': key } });

const b64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('access control', () => {
  const context = useIssuerStack({ AUTH_API_KEYS: API_KEYS, AUTH_JWKS_COOLDOWN_S: '1' });
  let current: SigningKey;
  let stranger: SigningKey;
  let stack: Stack;
  let issuer: TestIssuer;

  beforeAll(async () => {
    ({ stack, issuer, key: current } = context);
    // Same kid as the published key, another key pair: what a forger would try.
    stranger = await makeSigningKey(current.kid);
  });
  beforeEach(() => stack.simulator.clearRequests());

  /** A refused request never reaches iSales nor the cache, whatever it asked for. */
  async function expectRefused(path: string, init: RequestInit, status: 401 | 403): Promise<ProblemDetails> {
    const body = await expectProblem(await stack.request(path, init), status);
    expect(stack.simulator.requests).toHaveLength(0);
    return body;
  }

  describe('bearer tokens', () => {
    it('accepts a valid token whose vdns claim is "*"', async () => {
      const response = await stack.get(FILE_SERVERS, bearer(await signToken(current)));
      expect(response.status).toBe(200);
      expect(stack.simulator.requests).toHaveLength(1);
    });

    it('accepts VDN ids as numbers or strings and scopes as an scp array', async () => {
      const token = await signToken(current, { vdns: [3, '1'], scope: undefined, scp: ['isales:read'] });
      expect((await stack.get(FILE_SERVERS, bearer(token))).status).toBe(200);
    });

    it('answers 401 with WWW-Authenticate without credentials', async () => {
      const response = await stack.get(FILE_SERVERS, { credentials: 'omit' });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="isales-gateway"/);
      const body = await expectProblem(response, 401);
      expect(body.type).toBe('urn:isales-gateway:problem:unauthenticated');
      expect(stack.simulator.requests).toHaveLength(0);
    });

    const forged: Array<[string, () => Promise<string>]> = [
      ['alg none', async () => `${b64url({ alg: 'none', typ: 'JWT' })}.${(await signToken(current)).split('.')[1]}.`],
      [
        'HS256 signed with the public key',
        async () => {
          const input = `${b64url({ alg: 'HS256', typ: 'JWT', kid: current.kid })}.${(await signToken(current)).split('.')[1]}`;
          return `${input}.${createHmac('sha256', current.publicPem).update(input).digest('base64url')}`;
        },
      ],
      [
        'a tampered payload',
        async () => {
          const [header, payload, signature] = (await signToken(current, { vdns: [2] })).split('.');
          return `${header}.${b64url({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), vdns: '*' })}.${signature}`;
        },
      ],
      ['an unknown key (same kid, other key pair)', () => signToken(stranger)],
      ['an unknown kid', () => signToken({ ...stranger, kid: 'made-up' })],
      ['the wrong issuer', () => signToken(current, {}, { issuer: 'https://evil.test' })],
      ['the wrong audience', () => signToken(current, {}, { audience: 'another-app' })],
      ['an expired token (beyond the 30 s tolerance)', () => signToken(current, {}, { expiresIn: -120 })],
      ['a token not yet valid (beyond the tolerance)', () => signToken(current, {}, { notBefore: 120 })],
      ['a token without a subject', () => signToken(current, { sub: undefined })],
      ['garbage', async () => 'not.a.token'],
    ];

    it.each(forged)('refuses %s with 401', async (_name, make) => {
      const response = await stack.get(FILE_SERVERS, bearer(await make()));
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
      const body = await expectRefused(FILE_SERVERS, bearer(await make()), 401);
      expect(body.detail).not.toMatch(/issuer|audience|signature|kid/i);
      stack.simulator.clearRequests();
    });

    it('tells an expired token apart, as the caller can fix that', async () => {
      const body = await expectRefused(FILE_SERVERS, bearer(await signToken(current, {}, { expiresIn: -120 })), 401);
      expect(body.detail).toMatch(/expired/);
    });

    it('tolerates a little clock skew', async () => {
      expect((await stack.get(FILE_SERVERS, bearer(await signToken(current, {}, { expiresIn: -5 })))).status).toBe(200);
    });

    it('follows a key rotation at the issuer without a restart', async () => {
      expect((await stack.get(FILE_SERVERS, bearer(await signToken(current)))).status).toBe(200);
      const next = await makeSigningKey('key-2026-02');
      issuer.published = [next];
      // Past the refresh cooldown (AUTH_JWKS_COOLDOWN_S=1), an unknown kid makes the gateway refetch once.
      const clock = fakeClock();
      try {
        clock.advance(1500);
        const fetches = issuer.fetches;
        expect((await stack.get(FILE_SERVERS, bearer(await signToken(next)))).status).toBe(200);
        expect((await stack.get(FILE_SERVERS, bearer(await signToken(next)))).status).toBe(200);
        expect(issuer.fetches).toBe(fetches + 1);
      } finally {
        clock.restore();
      }
      current = next;
    });

    it('answers 403 for another VDN and for a missing scope', async () => {
      let body = await expectRefused(FILE_SERVERS, bearer(await signToken(current, { vdns: [2, 3] })), 403);
      expect(body.type).toBe('urn:isales-gateway:problem:forbidden');
      body = await expectRefused(FILE_SERVERS, bearer(await signToken(current, { scope: 'openid isales:write' })), 403);
      expect(body.detail).toContain('isales:read');
      await expectRefused(FILE_SERVERS, bearer(await signToken(current, { vdns: undefined })), 403);
    });
  });

  describe('API keys', () => {
    it('accepts a configured key on its VDN', async () => {
      expect((await stack.get(FILE_SERVERS, apiKey(READER_KEY))).status).toBe(200);
    });

    it('refuses an unknown key with 401, and another VDN with 403', async () => {
      await expectRefused(FILE_SERVERS, apiKey('not-a-configured-key'), 401);
      await expectRefused('/api/v1/vdns/2/file-servers', apiKey(READER_KEY), 403);
    });

    it('refuses a malformed VDN with 403 before validation for a limited key, and lets "*" reach validation', async () => {
      await expectRefused('/api/v1/vdns/abc/file-servers', apiKey(READER_KEY), 403);
      await expectRefused('/api/v1/vdns/10000/file-servers', apiKey(READER_KEY), 403);
      const response = await stack.get('/api/v1/vdns/abc/file-servers');
      expect(response.status).toBe(400);
    });

    it('needs isales:admin to drop the business-result cache', async () => {
      await expectRefused(CACHE, { ...apiKey(READER_KEY), method: 'DELETE' }, 403);
      expect((await stack.request(CACHE, { ...apiKey(ADMIN_KEY), method: 'DELETE' })).status).toBe(204);
    });

    it('needs isales:write for every write, refused before validation and iSales', async () => {
      const json = { 'content-type': 'application/json', 'x-api-key': READER_KEY };
      const writes: Array<[method: string, path: string]> = [
        ['POST', '/api/v1/vdns/1/file-servers'],
        ['PUT', '/api/v1/vdns/1/file-servers/164690088271159234793429225848'],
        ['DELETE', '/api/v1/vdns/1/file-servers/164690088271159234793429225848'],
        ['POST', '/api/v1/vdns/1/appointments'],
        ['PATCH', '/api/v1/vdns/1/appointments/1'],
        ['PUT', '/api/v1/vdns/1/appointments/1/result'],
        ['DELETE', '/api/v1/vdns/1/appointments/1'],
        ['POST', '/api/v1/vdns/1/business-results'],
      ];
      for (const [method, path] of writes) {
        const body = method === 'DELETE' ? undefined : '{}';
        const problem = await expectRefused(path, { method, headers: body ? json : { 'x-api-key': READER_KEY }, body }, 403);
        expect([method, path, problem.detail]).toEqual([method, path, 'The credentials do not grant isales:write.']);
      }
    });

    it('refuses a request carrying both a token and a key', async () => {
      await expectRefused(FILE_SERVERS, { headers: { 'x-api-key': READER_KEY, authorization: `Bearer ${await signToken(current)}` } }, 401);
    });
  });

  describe('what stays open and what never leaks', () => {
    it('keeps health probes and the API docs public', async () => {
      expect((await stack.get('/health/live', { credentials: 'omit' })).status).toBe(200);
      expect((await stack.get('/health/live', apiKey('wrong'))).status).toBe(200);
      const docs = await stack.get('/docs/openapi.json', { credentials: 'omit' });
      expect(docs.status).toBe(200);
    });

    it('never forwards credentials to iSales, and logs the principal id but never the token or key', async () => {
      const since = stack.gateway.logs.mark();
      const token = await signToken(current, { sub: 'user-4711' });
      await stack.get(FILE_SERVERS, bearer(token));
      await stack.get(FILE_SERVERS, apiKey(READER_KEY));
      await stack.get(FILE_SERVERS, apiKey('wrong-key-value'));
      const upstream = JSON.stringify(stack.simulator.requests);
      const logs = since().join('\n');
      for (const text of [upstream, logs]) {
        expect(text).not.toContain(token.split('.')[2]);
        expect(text).not.toContain(READER_KEY);
        expect(text).not.toContain('wrong-key-value');
      }
      expect(upstream).not.toMatch(/x-api-key/i);
      const lines = since()
        .map((line) => JSON.parse(line))
        .filter((l) => l.msg === 'request completed');
      expect(lines.map((l) => l.principal)).toEqual(expect.arrayContaining(['sub:user-4711', 'key:crm']));
      expect(lines.find((l) => l.status === 401)).toMatchObject({ authFailure: 'unknown-api-key' });
    });
  });
});

describe('access control settings', () => {
  it('answers 503 when the issuer\u2019s keys cannot be fetched, never 401', async () => {
    const issuer = await new TestIssuer().start();
    const key = await makeSigningKey('k');
    const url = issuer.url;
    await issuer.close();
    const stack = await startStack({ env: { ...issuer.env(), AUTH_JWKS_URL: url } });
    try {
      const since = stack.gateway.logs.mark();
      const response = await stack.get(FILE_SERVERS, { headers: { authorization: `Bearer ${await signToken(key)}`, 'x-request-id': 'issuer-down-1' } });
      await expectProblem(response, 503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(stack.simulator.requests).toHaveLength(0);
      // The warning says which request it was about, though no handler (and so no request context) ran.
      const warning = since()
        .map((line) => JSON.parse(line) as { level: number; msg: string; requestId?: string })
        .find((line) => line.level === 40 && line.msg !== 'request completed');
      expect(warning).toMatchObject({ requestId: 'issuer-down-1' });
    } finally {
      await stack.close();
    }
  });

  it('serves no /docs with DOCS_ENABLED=false, and every caller with AUTH_DISABLED=true (with a warning)', async () => {
    const stack = await startStack({ env: { AUTH_DISABLED: 'true', DOCS_ENABLED: 'false' } });
    const since = stack.gateway.logs.mark();
    try {
      await expectProblem(await stack.get('/docs/openapi.json'), 404);
      expect((await stack.get(FILE_SERVERS, { credentials: 'omit' })).status).toBe(200);
      expect(stack.gateway.logs.text()).toContain('AUTH_DISABLED=true');
      expect(since().join('\n')).toContain('"principal":"anonymous"');
    } finally {
      await stack.close();
    }
  });

  it('refuses to start with no way to authenticate, naming the variables', async () => {
    const child = spawn(process.execPath, [resolve(__dirname, '../dist/main.js')], {
      env: { PATH: process.env.PATH, ISALES_BASE_URL: 'http://127.0.0.1:1', ISALES_AK: 'ak', ISALES_SK: 'sk', AUTH_API_KEYS: '[]' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(78);
    expect(stderr).toContain('AUTH_JWKS_URL, AUTH_API_KEYS, AUTH_API_KEYS_FILE');
  });
});
