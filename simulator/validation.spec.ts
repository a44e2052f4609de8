import type { Simulator } from './simulator';
import { get, post, startSimulator } from './spec-helpers';

type Case = [description: string, path: string, body: unknown, code: string, field: string];

const TASKS = '1/blackfile/queryDataImportTask';
const SERVERS = '1/file/queryServer';
const APPOINTS = '1/appoint/list';

const POST_CASES: Case[] = [
  ['body is not JSON', TASKS, '{"limit":10,', '02000008', 'body'],
  ['empty body', SERVERS, '', '02000008', 'body'],
  ['body is a JSON array', SERVERS, '[1]', '02000006', 'body'],
  ['offset missing', TASKS, { limit: 10 }, '02000001', 'offset'],
  ['limit missing', SERVERS, { offset: 0 }, '02000001', 'limit'],
  ['limit null', APPOINTS, { offset: 0, limit: null }, '02000001', 'limit'],
  ['limit is a string', TASKS, { offset: 0, limit: '10' }, '02000006', 'limit'],
  ['offset is a boolean', SERVERS, { offset: true, limit: 10 }, '02000006', 'offset'],
  ['importTaskIds not an array', TASKS, { offset: 0, limit: 10, importTaskIds: '1646' }, '02000006', 'importTaskIds'],
  ['importTaskIds holds a number', TASKS, { offset: 0, limit: 10, importTaskIds: [1646] }, '02000006', 'importTaskIds'],
  ['serverIds not an array', SERVERS, { offset: 0, limit: 10, serverIds: {} }, '02000006', 'serverIds'],
  ['userAccountList not an array', APPOINTS, { offset: 0, limit: 10, userAccountList: '116' }, '02000006', 'userAccountList'],
  ['taskId is a number', APPOINTS, { offset: 0, limit: 10, taskId: 1106025109 }, '02000006', 'taskId'],
  ['beginTime is a string', APPOINTS, { offset: 0, limit: 10, beginTime: '2025-05-15' }, '02000006', 'beginTime'],
  ['limit 0', TASKS, { offset: 0, limit: 0 }, '02000007', 'limit'],
  ['limit 101', SERVERS, { offset: 0, limit: 101 }, '02000007', 'limit'],
  ['limit 101 on appoint/list', APPOINTS, { offset: 0, limit: 101 }, '02000007', 'limit'],
  ['offset -1', TASKS, { offset: -1, limit: 10 }, '02000007', 'offset'],
  ['limit 1.5', SERVERS, { offset: 0, limit: 1.5 }, '02000007', 'limit'],
  ['101 importTaskIds', TASKS, { offset: 0, limit: 10, importTaskIds: Array(101).fill('1') }, '02000011', 'importTaskIds'],
  ['101 serverIds', SERVERS, { offset: 0, limit: 10, serverIds: Array(101).fill('1') }, '02000011', 'serverIds'],
  ['101 userAccounts', APPOINTS, { offset: 0, limit: 10, userAccountList: Array(101).fill('1') }, '02000011', 'userAccountList'],
  ['an id with a letter', TASKS, { offset: 0, limit: 10, importTaskIds: ['16469836289430018203801189572a'] }, '02000002', 'importTaskIds'],
  ['a server id with a dash', SERVERS, { offset: 0, limit: 10, serverIds: ['1646-1'] }, '02000002', 'serverIds'],
  ['beginTime after endTime', APPOINTS, { offset: 0, limit: 10, beginTime: 2000, endTime: 1000 }, '04000001', 'beginTime'],
  ['vdnId 0', '0/file/queryServer', { offset: 0, limit: 10 }, '0200001', 'vdnId'],
  ['vdnId 10000', '10000/file/queryServer', { offset: 0, limit: 10 }, '0200001', 'vdnId'],
  ['vdnId not an int', 'abc/appoint/list', { offset: 0, limit: 10 }, '0200001', 'vdnId'],
];

const GET_CASES: Array<[description: string, path: string, code: string, field: string]> = [
  ['pageSize missing', '1/queryBusinessResults?pageNum=1', '02000001', 'pageSize'],
  ['pageNum missing', '1/queryBusinessResults?pageSize=10', '02000001', 'pageNum'],
  ['pageSize empty', '1/queryBusinessResults?pageSize=&pageNum=1', '02000001', 'pageSize'],
  ['pageSize not numeric', '1/queryBusinessResults?pageSize=ten&pageNum=1', '02000006', 'pageSize'],
  ['pageSize 51', '1/queryBusinessResults?pageSize=51&pageNum=1', '02000007', 'pageSize'],
  ['pageSize 0', '1/queryBusinessResults?pageSize=0&pageNum=1', '02000007', 'pageSize'],
  ['pageNum 0', '1/queryBusinessResults?pageSize=10&pageNum=0', '02000007', 'pageNum'],
  ['pageNum 1.5', '1/queryBusinessResults?pageSize=10&pageNum=1.5', '02000007', 'pageNum'],
  ['vdnId -1', '-1/queryBusinessResults?pageSize=10&pageNum=1', '0200001', 'vdnId'],
];

function expectFailure(json: Record<string, unknown>, code: string, field: string) {
  expect(Object.keys(json).sort()).toEqual(['resultCode', 'resultDesc', 'returnCode', 'returnDesc']);
  expect(json.resultCode).toBe(code);
  expect(json.returnCode).toBe(code);
  expect(json.resultDesc).toBe(json.returnDesc);
  expect(json.resultDesc).toContain(field);
}

describe('validation codes (HTTP 200, envelope only, field named)', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator({ generatedSize: 20, businessResultParents: 5 });
  });
  afterAll(() => simulator.close());

  it.each(POST_CASES)('%s -> %s', async (_description, path, body, code, field) => {
    const response = await post(simulator, path, body);
    expect(response.status).toBe(200);
    expectFailure(response.json(), code, field);
  });

  it.each(GET_CASES)('%s -> %s', async (_description, path, code, field) => {
    const response = await get(simulator, path);
    expect(response.status).toBe(200);
    expectFailure(response.json(), code, field);
  });

  it('names the vdnId exactly as "Parameter error: vdnId"', async () => {
    const response = await post(simulator, '0/file/queryServer', { offset: 0, limit: 10 });
    expect(response.json().resultDesc).toBe('Parameter error: vdnId');
  });

  it('accepts the limits at their bounds and 100 ids', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => String(i));
    for (const limit of [1, 100]) {
      const response = await post(simulator, '2/blackfile/queryDataImportTask', { offset: 0, limit, importTaskIds: ids });
      expect(response.json().resultCode).toBe('0200000');
    }
    const page = await get(simulator, '9998/queryBusinessResults?pageSize=50&pageNum=1');
    expect(page.json().resultCode).toBe('0200000');
  });

  it('honours maxIds', async () => {
    const strict = await startSimulator({ maxIds: 2 });
    try {
      const response = await post(strict, SERVERS, { offset: 0, limit: 10, serverIds: ['1', '2', '3'] });
      expect(response.json().resultCode).toBe('02000011');
    } finally {
      await strict.close();
    }
  });
});
