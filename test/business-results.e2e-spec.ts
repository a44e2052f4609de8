import { DEFAULT_BUSINESS_RESULT_PARENTS } from '../simulator/simulator';
import { ISALES_ERROR_TABLES, OUTCOME_STATUS } from '../src/isales/isales-error-tables';
import { BUSINESS_RESULT_EXAMPLES } from '../src/modules/business-results/business-result.example';
import { useStack } from './support/harness';

const BASE = '/api/v1/vdns';
const PROBLEM = /^application\/problem\+json/;

// The in-memory cache (no REDIS_URL): what `npm run demo` runs. The Redis path has its own suite.
describe('business results (gateway + simulator over HTTP)', () => {
  const stack = useStack();
  beforeEach(async () => {
    for (const vdn of [1, 2, 3]) await stack.get(`${BASE}/${vdn}/business-results/cache`, { method: 'DELETE' });
  });

  const upstreamQueries = () => stack.simulator.requests.filter((r) => r.operation === 'queryBusinessResults').map((r) => r.query);

  it('normalises the seed tree of VDN 1', async () => {
    const response = await stack.get(`${BASE}/1/business-results`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: BUSINESS_RESULT_EXAMPLES, page: 1, pageSize: 20, total: 3 });
    expect(upstreamQueries()).toEqual([{ pageSize: '50', pageNum: '1' }]);
  });

  it('serves pageSize=100 although iSales allows 50, by fetching the whole tree at 50 a page', async () => {
    const response = await stack.get(`${BASE}/2/business-results?page=1&pageSize=100`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: Array<{ code: string }>; total: number; pageSize: number };
    expect(body.items).toHaveLength(100);
    expect(body.total).toBe(DEFAULT_BUSINESS_RESULT_PARENTS);
    expect(upstreamQueries()).toEqual([
      { pageSize: '50', pageNum: '1' },
      { pageSize: '50', pageNum: '2' },
      { pageSize: '50', pageNum: '3' },
    ]);
    const second = (await (await stack.get(`${BASE}/2/business-results?page=2&pageSize=100`)).json()) as { items: unknown[] };
    expect(second.items).toHaveLength(DEFAULT_BUSINESS_RESULT_PARENTS - 100);
    expect(upstreamQueries()).toHaveLength(3);
  });

  it('finds a parent and a child by code, and answers 404 for an unknown code', async () => {
    const parent = await stack.get(`${BASE}/1/business-results/11111`);
    expect(await parent.json()).toEqual({ ...BUSINESS_RESULT_EXAMPLES[0], level: 'parent', parentCode: null });
    const child = await stack.get(`${BASE}/1/business-results/ob-12`);
    expect(await child.json()).toEqual({ code: 'ob-12', name: 'Multiple local officials', children: [], level: 'child', parentCode: '15105671' });
    const missing = await stack.get(`${BASE}/1/business-results/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(PROBLEM);
  });

  it('sends ETag and Cache-Control, and answers 304 to a matching If-None-Match', async () => {
    const first = await stack.get(`${BASE}/1/business-results`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect(first.headers.get('x-cache')).toBe('miss');
    const again = await stack.get(`${BASE}/1/business-results/11111`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('x-cache')).toBe('hit');
    expect((await stack.get(`${BASE}/1/business-results`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
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
    const response = await stack.get(path);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { invalidParams: Array<{ name: string }> };
    expect(problem.invalidParams.map((p) => p.name)).toContain(name);
    expect(stack.simulator.requests).toHaveLength(0);
  });

  const codes = Object.entries(ISALES_ERROR_TABLES.queryBusinessResults);
  it.each(codes)('maps business code %s (%s) from iSales to its status when nothing is cached', async (code, outcome) => {
    stack.simulator.setFault('queryBusinessResults', { resultCode: code, resultDesc: `desc of ${code}` });
    const response = await stack.get(`${BASE}/3/business-results`);
    expect(response.status).toBe(OUTCOME_STATUS[outcome]);
    expect(response.headers.get('content-type')).toMatch(PROBLEM);
    expect(await response.json()).toMatchObject({ status: OUTCOME_STATUS[outcome], upstream: { code, description: `desc of ${code}` } });
  });

  it('answers 502 for an undocumented code, and 504 when iSales does not answer', async () => {
    stack.simulator.setFault('queryBusinessResults', { resultCode: '0200006', resultDesc: 'db' });
    const unknown = await stack.get(`${BASE}/3/business-results`);
    expect(unknown.status).toBe(502);
    expect(await unknown.json()).toMatchObject({ upstream: { code: '0200006' } });
    stack.simulator.setFault('queryBusinessResults', { hang: true });
    const timeout = await stack.get(`${BASE}/3/business-results`);
    expect(timeout.status).toBe(504);
  });
});
