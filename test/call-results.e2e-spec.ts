import { ProblemDetails } from '../src/common/errors/problem';
import { CALL_RESULT_EXAMPLE } from '../src/modules/call-results/call-result.example';
import { CallResultDto } from '../src/modules/call-results/dto/call-result.dto';
import { CALL_DATA_IMPORT_TASK_EXAMPLE } from '../src/modules/campaign-import-tasks/call-data-import-task.example';
import { CallDataImportTaskPageDto } from '../src/modules/campaign-import-tasks/dto/call-data-import-task.dto';
import { ISALES_ERROR_TABLES } from '../src/upstream/operations.catalogue';
import { apiKeysWith, asApiKey, TestApiKey, useStack } from './support/harness';
import { jsonInit } from './support/json-request';
import { expectProblem, expectRejectedBeforeUpstream, expectUpstreamCodeMapped } from './support/problem-expectations';

const RESULTS = '/api/v1/vdns/1/call-results';
const WRITE_BACK = '/api/v1/vdns/1/call-data/1001/business-result';
const IMPORT_TASKS = '/api/v1/vdns/1/campaigns/3/import-tasks';
/** Principals of VDN 1: one that may only read, one that may only write. */
const READER: TestApiKey = { id: 'reader', key: 'call-results-reader-key-0123456789', vdns: [1], scopes: ['isales:read'] };
const WRITER: TestApiKey = { id: 'writer', key: 'call-results-writer-key-0123456789', vdns: [1], scopes: ['isales:write'] };
const API_KEYS = apiKeysWith(READER, WRITER);
let counter = 0;
const freshKey = () => `call-data-${process.pid}-${++counter}`;

// docs/isales/call-results-choices.md: against the simulator, with a real Redis (idempotency) and VDN 1 in Asia/Shanghai.
describe('call results, business-result write-back, campaign import tasks (gateway + simulator + Redis)', () => {
  const stack = useStack({ redis: true, env: { AUTH_API_KEYS: API_KEYS, ISALES_TIME_ZONES: '{"1":"Asia/Shanghai"}' } });

  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => stack.request(path, jsonInit(method, body, headers));
  const json = async <T>(response: Response) => (await response.json()) as T;
  const upstream = (operation: string) => stack.simulator.requests.filter((r) => r.operation === operation);

  describe('GET /vdns/{vdnId}/call-results/{callId}', () => {
    it('answers the page example in the tenant\u2019s zone, callStatus "6" as succeeded', async () => {
      const response = await stack.get(`${RESULTS}/1644464743-1388`);
      expect(response.status).toBe(200);
      expect(await json<CallResultDto>(response)).toEqual(CALL_RESULT_EXAMPLE);
      expect(upstream('callResultDetail').map((r) => [r.method, r.path])).toEqual([
        ['GET', '/rest/isales/v1/openapi/campaigns/1/callresultdetail/1644464743-1388'],
      ]);
    });

    it('reads callStatus sent as a number, and leaves an empty recordPath out', async () => {
      const result = await json<CallResultDto>(await stack.get(`${RESULTS}/0023-134864174`));
      expect(result).toEqual({
        callId: '0023-134864174',
        calledNumber: '60584',
        status: 'succeeded',
        failCode: '0',
        ringingAt: '2020-08-30T20:00:00+08:00',
        startedAt: '2020-08-30T20:00:06+08:00',
        endedAt: '2020-08-30T20:01:12+08:00',
        displayResult: 'OB99999',
        vdnId: 11,
      });
      const failed = await json<CallResultDto>(await stack.get(`${RESULTS}/1644465011-1402`));
      expect(failed).toMatchObject({ status: 'failed', failCode: '00604', startedAt: null, endedAt: null, ringingAt: '2022-02-10T11:50:11+08:00' });
    });

    it('states UTC (ISALES_TIME_ZONE\u2019s default) for a VDN without a zone of its own', async () => {
      const response = await stack.get('/api/v1/vdns/2/call-results/1644462000-0000');
      expect(response.status).toBe(200);
      expect((await json<CallResultDto>(response)).ringingAt).toMatch(/^2022-02-10T03:\d\d:\d\d\+00:00$/);
    });

    it('answers 404 when iSales has no such call', async () => {
      const body = await expectProblem(await stack.get(`${RESULTS}/0000-1`), 404);
      expect(body.detail).toContain('0000-1');
      expect(upstream('callResultDetail')).toHaveLength(1);
    });

    it('never shares one call\u2019s answer with another requested at the same time', async () => {
      const [a, b] = await Promise.all([stack.get(`${RESULTS}/1644464743-1388`), stack.get(`${RESULTS}/0023-134864174`)]);
      expect([(await json<CallResultDto>(a)).callId, (await json<CallResultDto>(b)).callId]).toEqual(['1644464743-1388', '0023-134864174']);
    });

    it.each([
      ['a call id with a space', `${RESULTS}/bad%20id`, 'callId'],
      ['a call id of 65 characters', `${RESULTS}/${'1'.repeat(65)}`, 'callId'],
      ['a call id with an encoded slash', `${RESULTS}/a%2Fb`, 'callId'],
      ['a query parameter', `${RESULTS}/0023-134864174?x=1`, 'x'],
      ['a VDN out of range', '/api/v1/vdns/0/call-results/0023-134864174', 'vdnId'],
    ])('refuses %s with a 400 before iSales is called', async (_case, path, param) => {
      await expectRejectedBeforeUpstream(stack, await stack.get(path), param);
    });

    it.each(Object.entries(ISALES_ERROR_TABLES.callResultDetail))('maps %s to its status', async (code, outcome) => {
      stack.simulator.setFault('callResultDetail', { resultCode: code, resultDesc: 'x' });
      await expectUpstreamCodeMapped(stack, await stack.get(`${RESULTS}/0023-134864174`), code, outcome);
    });

    it('needs isales:read and the VDN (403), without calling iSales', async () => {
      expect((await stack.request(`${RESULTS}/0023-134864174`, asApiKey(READER.key))).status).toBe(200);
      await expectProblem(await stack.request(`${RESULTS}/0023-134864174`, asApiKey(WRITER.key)), 403);
      await expectProblem(await stack.request('/api/v1/vdns/2/call-results/0023-134864174', asApiKey(READER.key)), 403);
      expect(upstream('callResultDetail')).toHaveLength(1);
    });
  });

  describe('PUT /vdns/{vdnId}/call-data/{dataId}/business-result', () => {
    it('writes the page example back (204), under iSales\u2019 names, to callBusiResult/{dataId}', async () => {
      const response = await send('PUT', '/api/v1/vdns/1/call-data/1002/business-result', {
        businessResult: '1621474513',
        subStatus: '1048856206',
        description: '1',
        agent: '2033',
      });
      expect(response.status).toBe(204);
      expect(upstream('callBusiResult').map((r) => [r.method, r.path, JSON.parse(r.body) as unknown])).toEqual([
        [
          'POST',
          '/rest/isales/v1/openapi/campaigns/1/callBusiResult/1002',
          { busiResult: '1621474513', subStatus: '1048856206', busiResultDesc: '1', workNo: '2033' },
        ],
      ]);
    });

    it('sends only the fields given', async () => {
      expect((await send('PUT', WRITE_BACK, { businessResult: '11111', subStatus: '12324' })).status).toBe(204);
      expect(upstream('callBusiResult').map((r) => JSON.parse(r.body) as unknown)).toEqual([{ busiResult: '11111', subStatus: '12324' }]);
    });

    it('answers 404 for data iSales does not have (0200033)', async () => {
      const body = await expectProblem(await send('PUT', '/api/v1/vdns/1/call-data/424242/business-result', { businessResult: '11111' }), 404);
      expect(body.upstream).toMatchObject({ code: '0200033' });
    });

    it('answers 400 naming subStatus when it is not a sub-status of the result (0200034)', async () => {
      const body = await expectProblem(await send('PUT', WRITE_BACK, { businessResult: '11111', subStatus: '754646' }), 400);
      expect(body.upstream).toMatchObject({ code: '0200034' });
      expect(body.invalidParams).toEqual([{ name: 'subStatus', reason: expect.any(String) }]);
    });

    it.each([
      ['no businessResult', WRITE_BACK, { subStatus: '12324' }, 'businessResult'],
      ['a businessResult of 51 characters', WRITE_BACK, { businessResult: 'b'.repeat(51) }, 'businessResult'],
      ['a businessResult with a space', WRITE_BACK, { businessResult: 'a b' }, 'businessResult'],
      ['a subStatus of 51 characters', WRITE_BACK, { businessResult: '11111', subStatus: 's'.repeat(51) }, 'subStatus'],
      ['a description of 501 characters', WRITE_BACK, { businessResult: '11111', description: 'd'.repeat(501) }, 'description'],
      ['a description with a control character', WRITE_BACK, { businessResult: '11111', description: 'a\u0007b' }, 'description'],
      ['an agent with letters', WRITE_BACK, { businessResult: '11111', agent: 'agent7' }, 'agent'],
      ['a field iSales\u2019 names', WRITE_BACK, { businessResult: '11111', busiResult: '11111' }, 'busiResult'],
      ['a dataId with letters', '/api/v1/vdns/1/call-data/abc/business-result', { businessResult: '11111' }, 'dataId'],
      ['a dataId of 0', '/api/v1/vdns/1/call-data/0/business-result', { businessResult: '11111' }, 'dataId'],
      ['a dataId over the int range', '/api/v1/vdns/1/call-data/2147483648/business-result', { businessResult: '11111' }, 'dataId'],
    ])('refuses %s with a 400 before iSales is called', async (_case, path, body, param) => {
      await expectRejectedBeforeUpstream(stack, await send('PUT', path, body), param);
    });

    it.each(Object.entries(ISALES_ERROR_TABLES.callBusiResult))('maps %s to its status', async (code, outcome) => {
      stack.simulator.setFault('callBusiResult', { resultCode: code, resultDesc: 'x' });
      await expectUpstreamCodeMapped(stack, await send('PUT', WRITE_BACK, { businessResult: '11111' }), code, outcome);
    });

    it('needs isales:write and the VDN (403), without calling iSales', async () => {
      const body = JSON.stringify({ businessResult: '11111' });
      const init = (key: string) => asApiKey(key, { method: 'PUT', body, headers: { 'content-type': 'application/json' } });
      expect((await stack.request(WRITE_BACK, init(WRITER.key))).status).toBe(204);
      await expectProblem(await stack.request(WRITE_BACK, init(READER.key)), 403);
      await expectProblem(await stack.request('/api/v1/vdns/2/call-data/1001/business-result', init(WRITER.key)), 403);
      expect(upstream('callBusiResult')).toHaveLength(1);
    });

    it('replays the first answer for the same Idempotency-Key without writing again; another body is a 422', async () => {
      const key = freshKey();
      const first = await send('PUT', WRITE_BACK, { businessResult: '11111', subStatus: '1232' }, { 'idempotency-key': key });
      const second = await send('PUT', WRITE_BACK, { businessResult: '11111', subStatus: '1232' }, { 'idempotency-key': key });
      expect([first.status, second.status]).toEqual([204, 204]);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(upstream('callBusiResult')).toHaveLength(1);
      await expectProblem(await send('PUT', WRITE_BACK, { businessResult: 'test' }, { 'idempotency-key': key }), 422);
      expect(upstream('callBusiResult')).toHaveLength(1);
    });

    it('replays a refusal too: the same key after a 0200034 gets the same 400', async () => {
      const key = freshKey();
      const body = { businessResult: '11111', subStatus: 'ob-12' };
      const first = await send('PUT', WRITE_BACK, body, { 'idempotency-key': key });
      const second = await send('PUT', WRITE_BACK, body, { 'idempotency-key': key });
      expect([first.status, second.status]).toEqual([400, 400]);
      expect(((await second.json()) as ProblemDetails).upstream).toMatchObject({ code: '0200034' });
      expect(upstream('callBusiResult')).toHaveLength(1);
    });
  });

  describe('GET /vdns/{vdnId}/campaigns/{campaignId}/import-tasks', () => {
    it('answers the page example with blockedCount, page 1 of 20 by default', async () => {
      const response = await stack.get(IMPORT_TASKS);
      expect(response.status).toBe(200);
      expect(await json<CallDataImportTaskPageDto>(response)).toEqual({ items: [CALL_DATA_IMPORT_TASK_EXAMPLE], page: 1, pageSize: 20, total: 1 });
      expect(upstream('queryCallDataImportTask').map((r) => [r.path, JSON.parse(r.body) as unknown])).toEqual([
        ['/rest/isales/v1/openapi/campaigns/1/calldatafile/queryDataImportTask/3', { offset: 0, limit: 20 }],
      ]);
    });

    it('pages with page/pageSize as offset/limit', async () => {
      const page = await json<CallDataImportTaskPageDto>(await stack.get('/api/v1/vdns/2/campaigns/1/import-tasks?page=2&pageSize=3'));
      expect(page).toMatchObject({ page: 2, pageSize: 3, total: 50 });
      expect(page.items).toHaveLength(3);
      expect(page.items[0]).toHaveProperty('blockedCount');
      expect(upstream('queryCallDataImportTask').map((r) => JSON.parse(r.body) as unknown)).toEqual([{ offset: 3, limit: 3 }]);
    });

    it('answers 404 for a campaign iSales does not know (0200007)', async () => {
      const body = await expectProblem(await stack.get('/api/v1/vdns/1/campaigns/77/import-tasks'), 404);
      expect(body.upstream).toMatchObject({ code: '0200007' });
    });

    it.each([
      ['a campaign id with letters', '/api/v1/vdns/1/campaigns/abc/import-tasks', 'campaignId'],
      ['a campaign id of 33 digits', `/api/v1/vdns/1/campaigns/${'1'.repeat(33)}/import-tasks`, 'campaignId'],
      ['a page size over 100', `${IMPORT_TASKS}?pageSize=101`, 'pageSize'],
      ['page 0', `${IMPORT_TASKS}?page=0`, 'page'],
      ['an id filter (not documented for this page)', `${IMPORT_TASKS}?ids=1`, 'ids'],
    ])('refuses %s with a 400 before iSales is called', async (_case, path, param) => {
      await expectRejectedBeforeUpstream(stack, await stack.get(path), param);
    });

    it.each(Object.entries(ISALES_ERROR_TABLES.queryCallDataImportTask))('maps %s to its status', async (code, outcome) => {
      stack.simulator.setFault('queryCallDataImportTask', { resultCode: code, resultDesc: 'x' });
      await expectUpstreamCodeMapped(stack, await stack.get(IMPORT_TASKS), code, outcome);
    });

    it('needs isales:read and the VDN (403), without calling iSales', async () => {
      expect((await stack.request(IMPORT_TASKS, asApiKey(READER.key))).status).toBe(200);
      await expectProblem(await stack.request(IMPORT_TASKS, asApiKey(WRITER.key)), 403);
      await expectProblem(await stack.request('/api/v1/vdns/2/campaigns/3/import-tasks', asApiKey(READER.key)), 403);
      expect(upstream('queryCallDataImportTask')).toHaveLength(1);
    });
  });

  describe('through the typed client (clients/typescript)', () => {
    it('reads a call result, writes a business result back and lists a campaign\u2019s import tasks', async () => {
      const result = await stack.client.GET('/api/v1/vdns/{vdnId}/call-results/{callId}', { params: { path: { vdnId: 1, callId: '1644464743-1388' } } });
      expect(result.data).toEqual(CALL_RESULT_EXAMPLE);
      const written = await stack.client.PUT('/api/v1/vdns/{vdnId}/call-data/{dataId}/business-result', {
        params: { path: { vdnId: 1, dataId: 1003 }, header: { 'Idempotency-Key': freshKey() } },
        body: { businessResult: '15105671', subStatus: 'ob-12' },
      });
      expect(written.response.status).toBe(204);
      const tasks = await stack.client.GET('/api/v1/vdns/{vdnId}/campaigns/{campaignId}/import-tasks', {
        params: { path: { vdnId: 1, campaignId: '3' }, query: { pageSize: 5 } },
      });
      expect(tasks.data?.items.map((task) => task.blockedCount)).toEqual([0]);
      const missing = await stack.client.GET('/api/v1/vdns/{vdnId}/call-results/{callId}', { params: { path: { vdnId: 1, callId: '0000-1' } } });
      expect(missing.error?.status).toBe(404);
    });
  });
});
