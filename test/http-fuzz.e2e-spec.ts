import fc from 'fast-check';
import { apiKeyHash } from '../src/auth/api-key.verifier';
import { bearer, signToken, useIssuerStack } from './support/jwks';
import { TEST_API_KEY, TEST_API_KEYS } from './support/harness';

/** Every route, as a template: `{vdn}` and `{id}` are filled with arbitrary segments. */
const ROUTES = [
  '/api/v1/vdns/{vdn}/blacklist-import-tasks',
  '/api/v1/vdns/{vdn}/blacklist-import-tasks/{id}',
  '/api/v1/vdns/{vdn}/file-servers',
  '/api/v1/vdns/{vdn}/file-servers/{id}',
  '/api/v1/vdns/{vdn}/business-results',
  '/api/v1/vdns/{vdn}/business-results/{id}',
  '/api/v1/vdns/{vdn}/business-results/cache',
  '/api/v1/vdns/{vdn}/appointments',
  '/health/live',
  '/health/ready',
  '/docs/openapi.json',
  '/{id}',
];

const LIMITED_KEY = 'fuzz-limited-key-1f2e3d';
const API_KEYS = JSON.stringify([...JSON.parse(TEST_API_KEYS), { id: 'limited', sha256: apiKeyHash(LIMITED_KEY), vdns: [1, 2], scopes: ['isales:read'] }]);

const ascii = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });

/** Path segments: valid ids, edge values, encodings the router must survive, and noise. */
const segment = fc.oneof(
  fc.constantFrom('1', '2', '0', '9999', '10000', '-1', '1e3', '01', 'abc', 'cache', '%ff', '%', '%2F', '%00', '..', '164690088271159234793429225848', 'ob-12'),
  fc.integer({ min: -5, max: 20000 }).map(String),
  ascii(40).map(encodeURIComponent),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.nat({ max: 400 }).map((n) => 'x'.repeat(n)),
);

const QUERY_NAMES = ['page', 'pageSize', 'ids', 'taskId', 'calledNumber', 'agents', 'from', 'to', 'unknown', '__proto__', 'constructor'];
const queryValue = fc.oneof(
  fc.constantFrom('1', '0', '100', '101', '-1', '2025-05-01T00:00:00Z', 'nonsense', '', 'a,b,,c', '%ff', '1e2', '[object Object]'),
  ascii(30).map(encodeURIComponent),
);
const query = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_NAMES), queryValue, fc.boolean()), { maxLength: 5 })
  .map((pairs) => (pairs.length ? '?' + pairs.map(([name, value, bare]) => (bare && !value ? name : `${name}=${value}`)).join('&') : ''));

type Credentials = 'none' | 'default' | 'limited' | 'bad-key' | 'token' | 'garbage-bearer' | 'both';
const credentials = fc.oneof(
  { arbitrary: fc.constantFrom<Credentials>('default', 'limited', 'token'), weight: 4 },
  { arbitrary: fc.constantFrom<Credentials>('none', 'bad-key', 'garbage-bearer', 'both'), weight: 1 },
);
const method = fc.oneof({ arbitrary: fc.constant('GET'), weight: 6 }, { arbitrary: fc.constantFrom('HEAD', 'DELETE', 'POST', 'PUT', 'OPTIONS'), weight: 2 });

const headerValue = ascii(60).map((v) => v.trim());
const extraHeaders = fc.dictionary(
  fc.constantFrom('if-none-match', 'x-request-id', 'content-type', 'accept', 'origin', 'x-forwarded-for', 'authorization', 'x-api-key', 'x-custom'),
  headerValue,
  { maxKeys: 3 },
);

// Arbitrary paths, query strings, headers and methods at every route: never a 5xx, and every
// 4xx is problem details with the request id also sent as X-Request-Id.
describe('any request', () => {
  const idp = useIssuerStack({ AUTH_API_KEYS: API_KEYS, RATE_LIMIT_MAX: '100000' });

  async function initFor(kind: Credentials, method: string, headers: Record<string, string>): Promise<RequestInit> {
    const h: Record<string, string> = {};
    if (kind === 'default' || kind === 'both') h['x-api-key'] = TEST_API_KEY;
    if (kind === 'limited') h['x-api-key'] = LIMITED_KEY;
    if (kind === 'bad-key') h['x-api-key'] = 'not-a-key';
    if (kind === 'token' || kind === 'both') Object.assign(h, bearer(await signToken(idp.key)).headers as Record<string, string>);
    if (kind === 'garbage-bearer') h.authorization = 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.AAAA';
    return { method, headers: { ...headers, ...h }, credentials: 'omit', ...(method === 'DELETE' && headers['content-type'] ? { body: 'x' } : {}) };
  }

  it('never answers 5xx, and every 4xx is a problem with a request id', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        segment,
        segment,
        query,
        method,
        credentials,
        extraHeaders,
        async (route, vdn, id, search, method, kind, headers) => {
          const path = route.replace('{vdn}', vdn).replace('{id}', id) + search;
          const response = await idp.stack.request(path, await initFor(kind, method, headers));
          const text = await response.text();
          const context = `${method} ${path} (${kind}) -> ${response.status} ${text.slice(0, 300)}`;
          expect({ context, serverError: response.status >= 500 }).toEqual({ context, serverError: false });
          if (response.status >= 400 && method !== 'HEAD') {
            expect({ context, type: response.headers.get('content-type') }).toEqual({ context, type: expect.stringMatching(/^application\/problem\+json/) });
            const body = JSON.parse(text) as { requestId?: string; status?: number };
            expect(body.status).toBe(response.status);
            expect(body.requestId).toBeTruthy();
            expect(body.requestId).toBe(response.headers.get('x-request-id'));
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 180_000);
});
