import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouteOptions } from 'fastify';
import type { Authenticator } from '../auth/authenticator';
import type { Principal } from '../auth/principal';
import type { MemoryAnswer, MemoryRoute } from './direct-routes';
import { MemoryLane, type MemoryLaneDependencies } from './memory-lane';
import { helmetHeaders, HELMET_OPTIONS } from './http-edge';
import type { LimitPhase, Spent } from './limit.phase';
import type { ObservePhase } from './observe.phase';
import { compileRoutePolicy, DECLARATION, POLICY } from './route-policy';

const TEMPLATE = '/api/v1/vdns/:vdnId/things';
const READER: Principal = { id: 'key:reader', vdns: new Set([2]), scopes: new Set(['isales:read']) };
const ANSWER: MemoryAnswer = {
  status: 200,
  headers: ['etag', '"e1"', 'x-cache', 'hit', 'content-type', 'application/json; charset=utf-8'],
  body: '{"items":[]}',
};

/** The route as the edge compiles it: its policy in its config. */
function registered(): RouteOptions {
  const options = { method: 'GET', url: TEMPLATE, handler: () => undefined, config: { [DECLARATION]: { scope: 'isales:read' } } } as unknown as RouteOptions;
  options.config = { ...options.config, [POLICY]: compileRoutePolicy(options, 65536, '/docs') };
  return options;
}

/** A memory lane in front of a stand-in for Fastify's listener, on a real Node server. */
async function serve(overrides: Partial<MemoryLaneDependencies> = {}, memory?: (params: unknown, query: unknown) => MemoryAnswer | undefined) {
  // `fastify`: the requests Fastify's listener got (the memory lane handed them over).
  const seen = { fastify: [] as string[], answered: [] as unknown[][], lookups: [] as unknown[][] };
  const route: MemoryRoute = {
    url: TEMPLATE,
    options: registered(),
    memory: (params, query, ifNoneMatch) => {
      seen.lookups.push([params, query, ifNoneMatch]);
      if (memory) return memory(params, query);
      if ((query as Record<string, unknown>).page === 'bad') throw new Error('page must be a number');
      return ANSWER;
    },
  };
  const authenticator = {
    authenticate: (headers: Record<string, unknown>) =>
      headers['x-api-key'] === 'good' ? { principal: READER } : headers['x-api-key'] === undefined ? { principal: null } : { error: new Error('unknown') },
  } as unknown as Authenticator;
  const observe = { answered: (...args: unknown[]) => seen.answered.push(args) } as unknown as ObservePhase;
  const lane = new MemoryLane();
  const fastify = (request: IncomingMessage, response: ServerResponse) => {
    seen.fastify.push(`${request.method} ${request.url}`);
    response.writeHead(299).end('fastify');
  };
  const server: Server = lane.serverFactory(fastify, { keepAliveTimeout: 72000, requestTimeout: 30000, connectionTimeout: 0, http: { maxHeaderSize: 16384 } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  lane.open({
    routes: [route],
    getTemplates: [TEMPLATE],
    authenticator,
    trusted: () => false,
    limit: null,
    observe,
    stopping: () => false,
    ...overrides,
  });
  const port = (server.address() as AddressInfo).port;
  const call = (path: string, headers: OutgoingHttpHeaders = { 'x-api-key': 'good' }, method = 'GET') =>
    new Promise<{ status: number; raw: string[]; body: string }>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path, method, headers, agent: false }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, raw: response.rawHeaders, body }));
      });
      request.on('error', reject);
      request.end();
    });
  return { lane, server, seen, call, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Name and value pairs, lower-case names, without the ones Node adds. */
const pairs = (raw: string[]): string[][] =>
  raw.flatMap((name, i) => (i % 2 === 0 && !['date', 'connection', 'keep-alive'].includes(name.toLowerCase()) ? [[name.toLowerCase(), raw[i + 1]]] : []));

const SECURITY = Object.entries(helmetHeaders(HELMET_OPTIONS));

describe('MemoryLane', () => {
  let close: (() => Promise<unknown>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('answers a plain GET from memory as the edge would: request id, helmet, the answer, one observation', async () => {
    const lane = await serve();
    close = lane.close;
    const answer = await lane.call('/api/v1/vdns/2/things?page=1&pageSize=20&page=3', {
      'x-api-key': 'good',
      'x-request-id': 'req-1',
      'if-none-match': '"e0"',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('{"items":[]}');
    expect(pairs(answer.raw)).toEqual([
      ['x-request-id', 'req-1'],
      ...SECURITY,
      ['etag', '"e1"'],
      ['x-cache', 'hit'],
      ['content-type', 'application/json; charset=utf-8'],
      ['content-length', '12'],
    ]);
    expect(lane.seen.fastify).toEqual([]);
    // The query parsed as the router parses it (a repeated name is a list), the raw path parameter.
    expect(lane.seen.lookups).toEqual([[{ vdnId: '2' }, { page: ['1', '3'], pageSize: '20' }, '"e0"']]);
    const [method, url, policy, status, ms, ...line] = lane.seen.answered[0] as [string, string, { route: string }, number, number];
    expect([lane.seen.answered.length, method, url, policy.route, status, typeof ms, ...line]).toEqual([
      1,
      'GET',
      '/api/v1/vdns/2/things?page=1&pageSize=20&page=3',
      TEMPLATE,
      200,
      'number',
      'req-1',
      '127.0.0.1',
      'key:reader',
    ]);
  });

  it('answers a 304 without a body or a length', async () => {
    const lane = await serve({}, () => ({ status: 304, headers: ['etag', '"e1"'] }));
    close = lane.close;
    const answer = await lane.call('/api/v1/vdns/2/things');
    expect(answer.status).toBe(304);
    expect(pairs(answer.raw).map(([name]) => name)).toEqual(['x-request-id', ...SECURITY.map(([name]) => name), 'etag']);
    expect(lane.seen.answered[0][3]).toBe(304);
  });

  it.each([
    ['another method', '/api/v1/vdns/2/things', { 'x-api-key': 'good' }, 'POST'],
    ['another path', '/api/v1/vdns/2/others', { 'x-api-key': 'good' }],
    ['a percent-encoded parameter', '/api/v1/vdns/%32/things', { 'x-api-key': 'good' }],
    ['a fragment', '/api/v1/vdns/2/things#top', { 'x-api-key': 'good' }],
    ['a bearer token', '/api/v1/vdns/2/things', { authorization: 'Bearer abc' }],
    ['no credentials', '/api/v1/vdns/2/things', {}],
    ['an unknown key', '/api/v1/vdns/2/things', { 'x-api-key': 'wrong' }],
    ['a VDN the key may not read', '/api/v1/vdns/3/things', { 'x-api-key': 'good' }],
    ['a query its check refuses', '/api/v1/vdns/2/things?page=bad', { 'x-api-key': 'good' }],
    ['a body', '/api/v1/vdns/2/things', { 'x-api-key': 'good', 'content-length': '0' }],
    ['a chunked body', '/api/v1/vdns/2/things', { 'x-api-key': 'good', 'transfer-encoding': 'chunked' }],
    ['a URL over the bound', `/api/v1/vdns/2/things?q=${'a'.repeat(8200)}`, { 'x-api-key': 'good' }],
  ])('hands %s to Fastify untouched', async (_case, path, headers, method = 'GET') => {
    const lane = await serve();
    close = lane.close;
    const answer = await lane.call(path, headers, method);
    expect(answer.status).toBe(299);
    expect(lane.seen.fastify).toEqual([`${method} ${path}`]);
    expect(lane.seen.answered).toEqual([]);
  });

  it('hands over what memory cannot answer, and everything while draining or once shut', async () => {
    let stopping = false;
    const cold = await serve({ stopping: () => stopping }, (params) => ((params as { vdnId: string }).vdnId === '2' ? ANSWER : undefined));
    close = cold.close;
    expect((await cold.call('/api/v1/vdns/3/things', { 'x-api-key': 'good' })).status).toBe(299);
    expect((await cold.call('/api/v1/vdns/2/things')).status).toBe(200);
    stopping = true;
    expect((await cold.call('/api/v1/vdns/2/things')).status).toBe(299);
    expect(cold.seen.fastify).toHaveLength(2);
    stopping = false;
    cold.lane.shut();
    expect((await cold.call('/api/v1/vdns/2/things')).status).toBe(299);
    expect(cold.seen.answered).toHaveLength(1);
  });

  it('hands an answer Node refuses to send to the edge, rather than failing the request', async () => {
    const lane = await serve({}, () => ({ status: 200, headers: ['etag', 'bad\nvalue'], body: '{}' }));
    close = lane.close;
    expect((await lane.call('/api/v1/vdns/2/things')).status).toBe(299);
    expect(lane.seen.answered).toEqual([]);
  });

  it('hands everything over until it is opened', async () => {
    const lane = new MemoryLane();
    const handed: string[] = [];
    const options = { keepAliveTimeout: 5000, requestTimeout: 1000, connectionTimeout: 0, maxRequestsPerSocket: 7 };
    const server = lane.serverFactory((request, response) => void (handed.push(request.url!), response.end()), options);
    expect([server.keepAliveTimeout, server.requestTimeout, server.maxRequestsPerSocket]).toEqual([5000, 1000, 7]);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(resolve));
    await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/vdns/2/things`, { headers: { 'x-api-key': 'good' } });
    expect(handed).toEqual(['/api/v1/vdns/2/things']);
  });

  it('refuses to open for a route another GET would take some paths of', () => {
    const route: MemoryRoute = { url: TEMPLATE, options: registered(), memory: () => undefined };
    const open = (getTemplates: string[]) => () => new MemoryLane().open({ routes: [route], getTemplates } as unknown as MemoryLaneDependencies);
    expect(open([TEMPLATE, '/api/v1/vdns/:vdnId', '/api/v1/vdns/:vdnId/things/:id', '/api/v1/vdns/:vdnId/others', '/api/v2/vdns/all/things'])).not.toThrow();
    expect(open([TEMPLATE, '/api/v1/vdns/all/things'])).toThrow('/api/v1/vdns/all/things takes some of its paths first');
  });

  it('refuses to open for a route the edge has not compiled a policy for', () => {
    const route: MemoryRoute = { url: TEMPLATE, options: { method: 'GET', url: TEMPLATE } as RouteOptions, memory: () => undefined };
    expect(() => new MemoryLane().open({ routes: [route] } as unknown as MemoryLaneDependencies)).toThrow('no compiled policy');
  });

  describe('with a rate limit', () => {
    function limit(spent: Spent[], keys: string[]): LimitPhase {
      return {
        config: { max: 2, windowS: 60 },
        count: (key: string, done: (spent: Spent) => void) => {
          keys.push(key);
          const next = spent.shift()!;
          setImmediate(() => done(next));
        },
      } as unknown as LimitPhase;
    }

    it('spends the principal\u2019s budget and says what is left; over it, the edge spends again and refuses', async () => {
      const keys: string[] = [];
      const lane = await serve({
        limit: limit(
          [
            { current: 2, ttlMs: 59001 },
            { current: 3, ttlMs: 58000 },
          ],
          keys,
        ),
      });
      close = lane.close;
      const allowed = await lane.call('/api/v1/vdns/2/things');
      expect(pairs(allowed.raw).slice(1 + SECURITY.length, 4 + SECURITY.length)).toEqual([
        ['ratelimit-limit', '2'],
        ['ratelimit-remaining', '0'],
        ['ratelimit-reset', '60'],
      ]);
      expect((await lane.call('/api/v1/vdns/2/things')).status).toBe(299);
      expect(keys).toEqual(['key:reader', 'key:reader']);
      expect(lane.seen.fastify).toEqual(['GET /api/v1/vdns/2/things']);
      expect(lane.seen.answered).toHaveLength(1);
    });

    it('spends nothing for a request it hands over', async () => {
      const keys: string[] = [];
      const lane = await serve({ limit: limit([], keys) });
      close = lane.close;
      expect((await lane.call('/api/v1/vdns/3/things')).status).toBe(299);
      expect(keys).toEqual([]);
    });
  });
});
