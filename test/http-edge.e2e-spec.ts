import { ProblemDetails } from '../src/common/errors/problem';
import { expectProblem } from './support/problem-expectations';
import { startStack, TEST_API_KEY, useStack } from './support/harness';
import { rawRequest } from './support/raw-http';

// What the HTTP layer refuses before any controller runs is a problem with a request id, too.
describe('the HTTP edge', () => {
  const stack = useStack();

  it('answers a bad percent-encoding in the path with a 400 problem', async () => {
    const body = await expectProblem(await stack.get('/api/v1/vdns/%ff/file-servers'), 400);
    expect(body.detail).toMatch(/percent-encoding/);
  });

  it('answers an over-long path segment or URL with a 414 problem', async () => {
    await expectProblem(await stack.get(`/api/v1/vdns/1/file-servers/${'1'.repeat(300)}`), 414);
    await expectProblem(await stack.get(`/api/v1/vdns/1/file-servers?ids=${'1'.repeat(9000)}`), 414);
  });

  it('answers a header block beyond 16 KiB with a 431 problem', async () => {
    const response = await rawRequest(
      stack.gateway.url,
      `GET /api/v1/vdns/1/file-servers HTTP/1.1\r\nHost: x\r\nX-API-Key: ${TEST_API_KEY}\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(response.status).toBe(431);
    expect(response.headers['content-type']).toBe('application/problem+json');
    const body = JSON.parse(response.body) as ProblemDetails;
    expect(body).toMatchObject({ status: 431, requestId: response.headers['x-request-id'] });
  });

  it('answers an unknown route with 404 and a known path with another method with 405 and Allow', async () => {
    await expectProblem(await stack.get('/api/v2/nothing'), 404);
    const response = await stack.request('/api/v1/vdns/1/file-servers', { method: 'PUT' });
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    await expectProblem(response, 405);
    const patch = await stack.request('/api/v1/vdns/1/business-results/cache', { method: 'PATCH' });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('DELETE, GET, HEAD');
  });

  it('answers a body too large with 413 and a body of the wrong type with 415', async () => {
    const cache = '/api/v1/vdns/1/business-results/cache';
    await expectProblem(
      await stack.request(cache, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: `"${'a'.repeat(1_100_000)}"` }),
      413,
    );
    await expectProblem(await stack.request(cache, { method: 'DELETE', headers: { 'content-type': 'application/xml' }, body: '<a/>' }), 415);
    expect(stack.simulator.requests).toHaveLength(0);
  });

  it('sends security headers and no CORS headers when CORS_ORIGINS is unset', async () => {
    const response = await stack.get('/api/v1/vdns/1/file-servers', { headers: { 'x-api-key': TEST_API_KEY, origin: 'https://evil.example' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS', () => {
  it('allows only CORS_ORIGINS, with credentials and the gateway\u2019s request headers', async () => {
    const stack = await startStack({ env: { CORS_ORIGINS: 'https://crm.example.com' } });
    try {
      const preflight = await stack.request('/api/v1/vdns/1/file-servers', {
        method: 'OPTIONS',
        headers: { origin: 'https://crm.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://crm.example.com');
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-API-Key/);
      const answer = await stack.get('/api/v1/vdns/1/file-servers', { headers: { 'x-api-key': TEST_API_KEY, origin: 'https://crm.example.com' } });
      expect(answer.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/);
      const other = await stack.get('/api/v1/vdns/1/file-servers', { headers: { 'x-api-key': TEST_API_KEY, origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await stack.close();
    }
  });
});
