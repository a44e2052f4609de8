import { DEFAULT_BUSINESS_RESULT_PARENTS } from '../simulator/simulator';
import { ISALES_ERROR_TABLES } from '../src/upstream/operations.catalogue';
import { BUSINESS_RESULT_EXAMPLES } from '../src/modules/business-results/business-result.example';
import type { operations } from '../clients/typescript/src/index';
import { useStack } from './support/harness';
import { expectRejectedBeforeUpstream, expectUpstreamCodeMapped } from './support/problem-expectations';

const BASE = '/api/v1/vdns';
const PROBLEM = /^application\/problem\+json/;

// The in-memory cache (no REDIS_URL): what `npm run demo` runs. The Redis path has its own suite.
describe('business results (gateway + simulator over HTTP)', () => {
  const stack = useStack();

  type ListQuery = NonNullable<operations['listBusinessResults']['parameters']['query']>;
  const list = (vdnId: number, query: ListQuery = {}, ifNoneMatch?: string) =>
    stack.client.GET('/api/v1/vdns/{vdnId}/business-results', {
      params: { path: { vdnId }, query, header: ifNoneMatch === undefined ? {} : { 'If-None-Match': ifNoneMatch } },
    });
  const lookup = (vdnId: number, code: string, ifNoneMatch?: string) =>
    stack.client.GET('/api/v1/vdns/{vdnId}/business-results/{code}', {
      params: { path: { vdnId, code }, header: ifNoneMatch === undefined ? {} : { 'If-None-Match': ifNoneMatch } },
    });

  beforeEach(async () => {
    for (const vdnId of [1, 2, 3]) {
      const { response } = await stack.client.DELETE('/api/v1/vdns/{vdnId}/business-results/cache', { params: { path: { vdnId } } });
      expect(response.status).toBe(204);
    }
  });

  const upstreamQueries = () => stack.simulator.requests.filter((r) => r.operation === 'queryBusinessResults').map((r) => r.query);

  it('normalises the seed tree of VDN 1', async () => {
    const { data, response } = await list(1);
    expect(response.status).toBe(200);
    expect(data).toEqual({ items: BUSINESS_RESULT_EXAMPLES, page: 1, pageSize: 20, total: 3 });
    expect(upstreamQueries()).toEqual([{ pageSize: '50', pageNum: '1' }]);
  });

  it('serves pageSize=100 although iSales allows 50, by fetching the whole tree at 50 a page', async () => {
    const { data, response } = await list(2, { page: 1, pageSize: 100 });
    expect(response.status).toBe(200);
    expect(data!.items).toHaveLength(100);
    expect(data!.total).toBe(DEFAULT_BUSINESS_RESULT_PARENTS);
    expect(upstreamQueries()).toEqual([
      { pageSize: '50', pageNum: '1' },
      { pageSize: '50', pageNum: '2' },
      { pageSize: '50', pageNum: '3' },
    ]);
    const second = await list(2, { page: 2, pageSize: 100 });
    expect(second.data!.items).toHaveLength(DEFAULT_BUSINESS_RESULT_PARENTS - 100);
    expect(upstreamQueries()).toHaveLength(3);
  });

  it('finds a parent and a child by code, and answers 404 for an unknown code', async () => {
    const parent = await lookup(1, '11111');
    expect(parent.data).toEqual({ ...BUSINESS_RESULT_EXAMPLES[0], level: 'parent', parentCode: null });
    const child = await lookup(1, 'ob-12');
    expect(child.data).toEqual({ code: 'ob-12', name: 'Multiple local officials', children: [], level: 'child', parentCode: '15105671' });
    const missing = await lookup(1, 'nope');
    expect(missing.response.status).toBe(404);
    expect(missing.response.headers.get('content-type')).toMatch(PROBLEM);
    expect(missing.error).toMatchObject({ type: 'urn:isales-gateway:problem:not-found', status: 404 });
  });

  it('sends ETag and Cache-Control, and answers 304 to a matching If-None-Match', async () => {
    const first = (await list(1)).response;
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect(first.headers.get('x-cache')).toBe('miss');
    const again = await lookup(1, '11111', etag);
    expect(again.response.status).toBe(304);
    expect(again.error).toBe(''); // no body
    expect(again.response.headers.get('x-cache')).toBe('hit');
    expect((await list(1, {}, '"other"')).response.status).toBe(200);
  });

  it.each([
    ['vdnId', `${BASE}/0/business-results`],
    ['page', `${BASE}/1/business-results?page=-1`],
    ['pageSize', `${BASE}/1/business-results?pageSize=101`],
    ['pageSize', `${BASE}/1/business-results?pageSize=0`],
    ['code', `${BASE}/1/business-results/${'a'.repeat(51)}`],
    ['code', `${BASE}/1/business-results/a_b`],
    ['sort', `${BASE}/1/business-results?sort=name`],
  ])('rejects a bad %s with 400 and makes no upstream call (%s)', async (name, path) => {
    await expectRejectedBeforeUpstream(stack, await stack.get(path), name);
  });

  it.each(Object.entries(ISALES_ERROR_TABLES.queryBusinessResults))(
    'maps business code %s (%s) from iSales to its status when nothing is cached',
    async (code, outcome) => {
      stack.simulator.setFault('queryBusinessResults', { resultCode: code, resultDesc: 'x' });
      await expectUpstreamCodeMapped(stack, await list(3), code, outcome);
    },
  );

  it('answers 502 for an undocumented code, and 504 when iSales does not answer', async () => {
    stack.simulator.setFault('queryBusinessResults', { resultCode: '0200006', resultDesc: 'db' });
    const unknown = await list(3);
    expect(unknown.response.status).toBe(502);
    expect(unknown.error).toMatchObject({ upstream: { code: '0200006' } });
    stack.simulator.setFault('queryBusinessResults', { hang: true });
    const timeout = await list(3);
    expect(timeout.response.status).toBe(504);
    expect(timeout.error).toMatchObject({ type: 'urn:isales-gateway:problem:upstream-timeout', status: 504 });
  });
});
