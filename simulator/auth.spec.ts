import { signC2 } from '../src/upstream/c2-signer';
import { verifyC2 } from './auth';
import type { Simulator } from './simulator';
import { c2Headers, sendRaw } from './signed-client';
import { BASE, CREDENTIALS, startSimulator } from './spec-helpers';

const NOW = new Date('2025-05-15T09:00:00Z');
const PATH = `${BASE}/1/file/queryServer`;
const BODY = '{"limit":10,"offset":0}';
const GET_PATH = `${BASE}/1/queryBusinessResults?pageSize=50&pageNum=1`;

describe('C2 verification over HTTP', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator({ now: () => NOW });
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.clearRequests());

  const signed = (method: string, path: string, body: string, overrides: Partial<typeof CREDENTIALS> = {}) =>
    c2Headers(simulator.url, method, path, body, { ...CREDENTIALS, at: NOW, ...overrides });

  async function expect401(request: Parameters<typeof sendRaw>[1]) {
    const response = await sendRaw(simulator.url, request);
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ resultCode: '401', resultDesc: 'Unauthorized' });
    const entry = simulator.requests.at(-1)!;
    expect(entry.authorized).toBe(false);
    expect(entry.status).toBe(401);
    return entry;
  }

  it('accepts a correctly signed POST and a signed GET with a query', async () => {
    const post = await sendRaw(simulator.url, { method: 'POST', path: PATH, headers: signed('POST', PATH, BODY), body: BODY });
    expect(post.status).toBe(200);
    const getResponse = await sendRaw(simulator.url, { method: 'GET', path: GET_PATH, headers: signed('GET', GET_PATH, '') });
    expect(getResponse.status).toBe(200);
    expect(simulator.requests.every((entry) => entry.authorized)).toBe(true);
  });

  it('accepts a timestamp inside the ±15 min window, also with content-type signed', async () => {
    const at = new Date(NOW.getTime() - 14 * 60_000);
    const headers = c2Headers(simulator.url, 'POST', PATH, BODY, {
      ...CREDENTIALS,
      at,
      signedHeaders: { 'content-type': 'application/json; charset=UTF-8' },
    });
    const response = await sendRaw(simulator.url, { method: 'POST', path: PATH, headers, body: BODY });
    expect(response.status).toBe(200);
  });

  it('401: one byte of the body changed', async () => {
    await expect401({ method: 'POST', path: PATH, headers: signed('POST', PATH, BODY), body: BODY.replace('10', '11') });
  });

  it('401: the path changed', async () => {
    const other = `${BASE}/2/file/queryServer`;
    await expect401({ method: 'POST', path: other, headers: signed('POST', PATH, BODY), body: BODY });
  });

  it('401: a query value changed', async () => {
    const tampered = GET_PATH.replace('pageSize=50', 'pageSize=49');
    const entry = await expect401({ method: 'GET', path: tampered, headers: signed('GET', GET_PATH, '') });
    expect(entry.authError).toBe('signature mismatch');
  });

  it('401: the Host header differs from the signed one', async () => {
    const headers = { ...signed('POST', PATH, BODY), host: 'isales.example.com:28443' };
    await expect401({ method: 'POST', path: PATH, headers, body: BODY });
  });

  it('401: timestamp an hour old', async () => {
    const headers = signed('POST', PATH, BODY, { at: new Date(NOW.getTime() - 3_600_000) });
    const entry = await expect401({ method: 'POST', path: PATH, headers, body: BODY });
    expect(entry.authError).toMatch(/clock skew/);
  });

  it('401: unknown AK', async () => {
    const headers = signed('POST', PATH, BODY, { ak: 'someone-else' });
    const entry = await expect401({ method: 'POST', path: PATH, headers, body: BODY });
    expect(entry.authError).toBe('unknown access key');
  });

  it('401: right AK, wrong SK', async () => {
    await expect401({ method: 'POST', path: PATH, headers: signed('POST', PATH, BODY, { sk: 'wrong' }), body: BODY });
  });

  it('401: missing or empty Authorization header', async () => {
    const { authorization: _dropped, ...headers } = signed('POST', PATH, BODY);
    await expect401({ method: 'POST', path: PATH, headers, body: BODY });
    await expect401({ method: 'POST', path: PATH, headers: { ...headers, authorization: '' }, body: BODY });
  });

  it('401: Authorization that does not parse', async () => {
    const headers = { ...signed('POST', PATH, BODY), authorization: 'Bearer abc' };
    await expect401({ method: 'POST', path: PATH, headers, body: BODY });
  });

  it('401: host is not among the signed headers', async () => {
    const { authorization } = signC2(
      { method: 'POST', path: PATH, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: BODY },
      CREDENTIALS,
      NOW,
    );
    const headers = { ...signed('POST', PATH, BODY), authorization };
    const entry = await expect401({ method: 'POST', path: PATH, headers, body: BODY });
    expect(entry.authError).toBe('host is not a signed header');
  });

  it('logs headers with the authorization value redacted', async () => {
    const headers = signed('POST', PATH, BODY);
    await sendRaw(simulator.url, { method: 'POST', path: PATH, headers, body: BODY });
    const entry = simulator.requests.at(-1)!;
    expect(entry.headers.authorization).toBe('[redacted]');
    expect(entry.headers.host).toBe(new URL(simulator.url).host);
    expect(JSON.stringify(simulator.requests)).not.toContain(headers.authorization);
  });
});

describe('verifyC2 (unit)', () => {
  const host = '10.22.26.181:28080';
  const path = '/rest/isales/v1/openapi/campaigns/1';
  const body = '{"name":"Test Campaign","description":"demo"}';
  const credentials = { ak: 'globalaktest', sk: 'TestSecretKey0123456789' };
  const keyFor = (ak: string) => (ak === credentials.ak ? credentials : undefined);
  const at = new Date(1704164645000);
  const authorization = signC2({ method: 'POST', path, headers: { host }, body }, credentials, at).authorization;
  const received = { method: 'POST', rawPath: path, rawQuery: '', headers: { host, authorization }, body };

  it('accepts vector V1 of c2-signing.md', () => {
    expect(authorization).toMatch(/0fad8392329f1b55d82dd196ecf68d17732eb2aa1d21781ea166509606ae0045$/);
    expect(verifyC2(received, keyFor, at, 900)).toEqual({ ok: true });
  });

  it('verifies the query from its decoded pairs (+ and %20 both mean space)', () => {
    const query = { a: 'x y', b: '2' };
    const auth = signC2({ method: 'GET', path, query, headers: { host } }, credentials, at).authorization;
    const request = { ...received, method: 'GET', body: '', headers: { host, authorization: auth } };
    expect(verifyC2({ ...request, rawQuery: 'a=x+y&b=2' }, keyFor, at, 900)).toEqual({ ok: true });
    expect(verifyC2({ ...request, rawQuery: 'b=2&a=x%20y' }, keyFor, at, 900)).toEqual({ ok: true });
    expect(verifyC2({ ...request, rawQuery: 'a=x+y&b=3' }, keyFor, at, 900).ok).toBe(false);
  });

  it('uses the raw path, not a decoded one', () => {
    const encodedPath = '/rest/isales/v1/openapi/campaigns/%31';
    expect(verifyC2({ ...received, rawPath: encodedPath }, keyFor, at, 900).ok).toBe(false);
  });

  it('rejects a timestamp that is not a real date', () => {
    const bad = authorization.replace('2024-01-02T03:04:05Z', '2024-02-30T03:04:05Z');
    const result = verifyC2({ ...received, headers: { host, authorization: bad } }, keyFor, at, 10 ** 9);
    expect(result).toEqual({ ok: false, reason: 'timestamp does not parse' });
  });

  it('rejects a signed header that was not sent', () => {
    const auth = signC2({ method: 'POST', path, headers: { host, 'x-extra': '1' }, body }, credentials, at).authorization;
    const result = verifyC2({ ...received, headers: { host, authorization: auth } }, keyFor, at, 900);
    expect(result).toEqual({ ok: false, reason: 'signed header x-extra is missing' });
  });
});
