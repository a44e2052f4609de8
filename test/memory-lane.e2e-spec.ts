import { ObservePhase } from '../src/edge/observe.phase';
import { TEST_API_KEY, useStack } from './support/harness';
import { request } from 'node:http';

// The memory lane (src/edge/memory-lane.ts) answers a cache hit in front of Fastify; a path in any but
// the plain form (`%31` for `1`) is handed to the edge, which serves the same route. Both answers are
// compared here, byte for byte but for what must differ (the date, the id asked for, a second of
// freshness, one request of the budget).
const PLAIN = '/api/v1/vdns/1/business-results?page=1&pageSize=3';
const ENCODED = '/api/v1/vdns/%31/business-results?page=1&pageSize=3';

interface Answer {
  status: number;
  /** Name and value, in the order they were sent. */
  headers: string[][];
  body: string;
}

/** A GET as sent, its path untouched (fetch would normalise `%31`), and its answer's headers in order. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const sent = request({ host: hostname, port, path, agent: false, headers: { 'x-api-key': TEST_API_KEY, ...headers } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        const raw = response.rawHeaders;
        const pairs = raw.filter((_, i) => i % 2 === 0).map((name, i) => [name.toLowerCase(), raw[2 * i + 1]]);
        resolve({ status: response.statusCode!, headers: pairs, body });
      });
    });
    sent.on('error', reject);
    sent.end();
  });
}

const header = (answer: Answer, name: string): string | undefined => answer.headers.find(([key]) => key === name)?.[1];

/** The header block in order, with what may differ between two answers to the same request masked. */
function comparable(response: Answer): string[][] {
  return response.headers
    .filter(([name]) => name !== 'date')
    .map(([name, value]) => {
      if (name === 'x-request-id') return [name, 'ID'];
      if (name === 'cache-control') return [name, value.replace(/max-age=\d+/, 'max-age=N')];
      if (name === 'ratelimit-remaining' || name === 'ratelimit-reset') return [name, 'N'];
      return [name, value];
    });
}

/** The access-log line of request `id`, without what may differ (time, duration, the URL as sent). */
function logLineOf(lines: string[], id: string): Record<string, unknown> {
  const line = lines.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry.requestId === id && entry.msg === 'request completed');
  if (!line) throw new Error(`no access-log line for ${id}`);
  const { time: _time, ms: _ms, url: _url, requestId: _id, ...rest } = line;
  return rest;
}

describe('the memory lane', () => {
  const stack = useStack({ redis: true, env: { RATE_LIMIT_MAX: '1000', LOG_LEVEL: 'info' } });
  const answered = jest.spyOn(ObservePhase.prototype, 'answered');

  beforeAll(async () => {
    // A cold tree is fetched by the edge; from then on it is in memory.
    expect((await stack.get(PLAIN)).status).toBe(200);
  });
  beforeEach(() => answered.mockClear());

  it('answers a cache hit with the edge\u2019s headers, body and access-log line', async () => {
    const since = stack.gateway.logs.mark();
    const front = await get(stack.gateway.url, PLAIN, { 'x-request-id': 'memory-lane-1' });
    expect(answered).toHaveBeenCalledTimes(1);
    const edge = await get(stack.gateway.url, ENCODED, { 'x-request-id': 'edge-1' });
    expect(answered).toHaveBeenCalledTimes(1);

    expect(front.status).toBe(200);
    expect(header(front, 'x-request-id')).toBe('memory-lane-1');
    expect(header(front, 'x-cache')).toBe('hit');
    expect(Number(header(front, 'ratelimit-remaining'))).toBe(Number(header(edge, 'ratelimit-remaining')) + 1);
    expect(comparable(front)).toEqual(comparable(edge));
    expect(front.body).toBe(edge.body);
    expect(JSON.parse(front.body)).toMatchObject({ page: 1, pageSize: 3 });

    const lines = since();
    expect(logLineOf(lines, 'memory-lane-1')).toEqual(logLineOf(lines, 'edge-1'));
    expect(logLineOf(lines, 'memory-lane-1')).toMatchObject({ status: 200, route: '/api/v1/vdns/:vdnId/business-results', principal: 'key:e2e' });
  });

  it('answers a 304 for a tree the caller has, as the edge does', async () => {
    const etag = header(await get(stack.gateway.url, PLAIN), 'etag')!;
    answered.mockClear();
    const front = await get(stack.gateway.url, PLAIN, { 'if-none-match': etag });
    const edge = await get(stack.gateway.url, ENCODED, { 'if-none-match': etag });
    expect(answered).toHaveBeenCalledTimes(1);
    expect([front.status, edge.status]).toEqual([304, 304]);
    expect(comparable(front)).toEqual(comparable(edge));
    expect(front.body).toBe('');
  });

  it('leaves every refusal to the edge: a bad query, a VDN out of reach, a wrong key, no key', async () => {
    const bad = await get(stack.gateway.url, '/api/v1/vdns/1/business-results?page=0');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ status: 400, invalidParams: [expect.objectContaining({ name: 'page' })] });
    expect((await get(stack.gateway.url, '/api/v1/vdns/99999/business-results')).status).toBe(400);
    expect((await get(stack.gateway.url, PLAIN, { 'x-api-key': 'not-a-key' })).status).toBe(401);
    expect((await get(stack.gateway.url, PLAIN, { 'x-api-key': '' })).status).toBe(401);
    expect(answered).not.toHaveBeenCalled();
  });
});

describe('the memory lane under a rate limit', () => {
  const stack = useStack({ redis: true, env: { RATE_LIMIT_MAX: '4', RATE_LIMIT_WINDOW_S: '60', REDIS_COMMAND_TIMEOUT_MS: '5000' } });
  const answered = jest.spyOn(ObservePhase.prototype, 'answered');

  it('spends the budget the edge spends, and over it the edge refuses', async () => {
    // The cold fetch is the edge's and spends one.
    expect(header(await get(stack.gateway.url, PLAIN), 'ratelimit-remaining')).toBe('3');
    answered.mockClear();
    const remaining = [];
    for (const path of [PLAIN, ENCODED, PLAIN]) remaining.push(header(await get(stack.gateway.url, path), 'ratelimit-remaining'));
    expect(remaining).toEqual(['2', '1', '0']);
    expect(answered).toHaveBeenCalledTimes(2);

    const refused = await get(stack.gateway.url, PLAIN);
    expect(refused.status).toBe(429);
    expect(header(refused, 'content-type')).toMatch(/^application\/problem\+json/);
    expect(header(refused, 'retry-after')).toMatch(/^[1-9]\d*$/);
    expect(header(refused, 'ratelimit-remaining')).toBe('0');
    expect(JSON.parse(refused.body)).toMatchObject({ type: 'urn:isales-gateway:problem:rate-limited', status: 429 });
    expect(answered).toHaveBeenCalledTimes(2);
  });
});

describe('the memory lane with CORS on', () => {
  const stack = useStack({ env: { CORS_ORIGINS: 'https://crm.example.com' } });
  const answered = jest.spyOn(ObservePhase.prototype, 'answered');

  it('stays shut: CORS puts its headers on every answer, a request without Origin included', async () => {
    expect((await get(stack.gateway.url, PLAIN)).status).toBe(200);
    answered.mockClear();
    const hit = await get(stack.gateway.url, PLAIN);
    expect(header(hit, 'x-cache')).toBe('hit');
    expect(header(hit, 'vary')).toBe('Origin');
    expect(header(hit, 'access-control-expose-headers')).toContain('X-Request-Id');
    const browser = await get(stack.gateway.url, PLAIN, { origin: 'https://crm.example.com' });
    expect(header(browser, 'access-control-allow-origin')).toBe('https://crm.example.com');
    expect(answered).not.toHaveBeenCalled();
  });
});
