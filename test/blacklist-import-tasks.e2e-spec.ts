import { DEFAULT_GENERATED_SIZE } from '../simulator/simulator';
import { ISALES_ERROR_TABLES } from '../src/upstream/operations.catalogue';
import { IMPORT_TASK_EXAMPLE } from '../src/modules/blacklist-import-tasks/import-task.example';
import type { operations } from '../clients/typescript/src/index';
import { useStack } from './support/harness';
import { expectRejectedBeforeUpstream, expectUpstreamCodeMapped } from './support/problem-expectations';

const BASE = '/api/v1/vdns';
const PROBLEM = /^application\/problem\+json/;
const SEED_ID = '164698362894300182038011895728';

describe('blacklist import tasks (gateway + simulator over HTTP)', () => {
  const stack = useStack();

  const upstreamBodies = () => stack.upstreamBodies('queryDataImportTask');

  type ListQuery = NonNullable<operations['listBlacklistImportTasks']['parameters']['query']>;
  const list = (vdnId: number, query: ListQuery = {}, headers: Record<string, string> = {}) =>
    stack.client.GET('/api/v1/vdns/{vdnId}/blacklist-import-tasks', { params: { path: { vdnId }, query }, headers });
  const one = (vdnId: number, taskId: string) =>
    stack.client.GET('/api/v1/vdns/{vdnId}/blacklist-import-tasks/{taskId}', { params: { path: { vdnId, taskId } } });

  it('normalises the seed example of VDN 1', async () => {
    const { data, response } = await list(1);
    expect(response.status).toBe(200);
    expect(data).toEqual({ items: [IMPORT_TASK_EXAMPLE], page: 1, pageSize: 20, total: 1 });
  });

  it('pages through a generated VDN: page=3&pageSize=10 is offset 20, limit 10', async () => {
    const body = (await list(2, { page: 3, pageSize: 10 })).data!;
    expect(upstreamBodies()).toEqual([{ offset: 20, limit: 10 }]);
    expect(body.items).toHaveLength(10);
    expect(body.total).toBe(DEFAULT_GENERATED_SIZE);
    for (const item of body.items) {
      expect(item.id).toMatch(/^\d{30}$/);
      expect(['preparing', 'importing', 'completed', 'failed']).toContain(item.status);
    }
  });

  it('sends ids as importTaskIds, as strings', async () => {
    await list(1, { ids: `${SEED_ID},000000000000000000000000000001` });
    expect(upstreamBodies()).toEqual([{ offset: 0, limit: 20, importTaskIds: [SEED_ID, '000000000000000000000000000001'] }]);
  });

  it('answers one task, and 404 when iSales has none', async () => {
    const found = await one(1, SEED_ID);
    expect(found.response.status).toBe(200);
    expect(found.data).toEqual(IMPORT_TASK_EXAMPLE);
    expect(upstreamBodies()).toEqual([{ offset: 0, limit: 1, importTaskIds: [SEED_ID] }]);

    const missing = await one(1, '123');
    expect(missing.response.status).toBe(404);
    expect(missing.response.headers.get('content-type')).toMatch(PROBLEM);
    expect(missing.error).toMatchObject({ type: 'urn:isales-gateway:problem:not-found', status: 404 });
  });

  it.each([
    ['vdnId', `${BASE}/0/blacklist-import-tasks`],
    ['vdnId', `${BASE}/10000/blacklist-import-tasks`],
    ['vdnId', `${BASE}/abc/blacklist-import-tasks`],
    ['page', `${BASE}/1/blacklist-import-tasks?page=0`],
    ['page', `${BASE}/1/blacklist-import-tasks?page=1.5`],
    ['pageSize', `${BASE}/1/blacklist-import-tasks?pageSize=101`],
    ['pageSize', `${BASE}/1/blacklist-import-tasks?pageSize=x`],
    ['ids', `${BASE}/1/blacklist-import-tasks?ids=12a`],
    ['ids', `${BASE}/1/blacklist-import-tasks?ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`],
    ['limit', `${BASE}/1/blacklist-import-tasks?limit=5`],
    ['taskId', `${BASE}/1/blacklist-import-tasks/not-an-id`],
  ])('rejects a bad %s with 400 and makes no upstream call (%s)', async (name, path) => {
    const response = await stack.get(path);
    const problem = await expectRejectedBeforeUpstream(stack, response, name);
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
  });

  it.each(Object.entries(ISALES_ERROR_TABLES.queryDataImportTask))('maps business code %s (%s) from iSales to its status', async (code, outcome) => {
    stack.simulator.setFault('queryDataImportTask', { resultCode: code, resultDesc: 'x' });
    const answer = await list(1);
    const problem = await expectUpstreamCodeMapped(stack, answer, code, outcome);
    expect(problem.instance).toBe(`${BASE}/1/blacklist-import-tasks`);
    if (outcome === 'rate-limited') expect(answer.response.headers.get('retry-after')).toBe('1');
  });

  it('keeps the request id of the caller end to end, and sends it to iSales', async () => {
    const { response } = await list(1, {}, { 'x-request-id': 'trace-abc-123' });
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
    expect(stack.simulator.requests[0].headers['x-request-id']).toBe('trace-abc-123');
    expect(stack.gateway.logs.lines.filter((l) => l.includes('trace-abc-123')).length).toBeGreaterThan(0);
  });
});
