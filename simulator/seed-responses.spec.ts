import type { Simulator } from './simulator';
import { get, post, startSimulator } from './spec-helpers';

// The example responses of docs/isales/operations.md, copied from the pages as JSON text.
const SEED_000 = `{ "result": [ { "succNum": 0, "failNum": 0, "errMsg": "", "id": "164698362894300182038011895728", "beginTime": "2022-03-11T07:27:09.000+00:00", "endTime": "2022-03-11T07:27:09.000+00:00", "repeatNum": 0, "status": "2" } ], "returnCode": "0200000", "resultCode": "0200000", "resultDesc": "success", "returnDesc": "success" }`;
const SEED_001 = `{ "returnCode": "0200000", "server": [ { "port": null, "ip": null, "filePath": null, "userName": "10", "serverId": "164681924997097701747271557174" }, { "port": "22", "ip": "10.21.124.175", "filePath": "/home/sftp", "userName": "isales", "serverId": "164690088271159234793429225848" }, { "port": "22", "ip": "192.168.0.1", "filePath": "/home/sftp", "userName": "huawei", "serverId": "164697340198671566909690908237" }, { "port": "8888", "ip": "1.1.1.1", "filePath": "/sftp/file", "userName": "isales", "serverId": "164765479785832713595318363505" }, { "port": "22", "ip": "10.1.1.1", "filePath": "/home/sftp", "userName": "zhangsan", "serverId": "164765490069279981932006087306" } ], "resultCode": "0200000", "resultDesc": "success", "returnDesc": "success" }`;
const SEED_002 = `{
  "returnCode": "0200000",
  "data": [
    { "code": "11111", "children": [ { "code": "12324", "name": "sub02", "defLevel": "2" }, { "code": "1232", "name": "sub01", "defLevel": "2" } ], "name": "test111", "defLevel": "1" },
    { "code": "test", "children": [], "name": "test0903", "defLevel": "1" },
    { "code": "15105671", "children": [ { "code": "754646", "name": "Call interrupted", "defLevel": "2" }, { "code": "ob-12", "name": "Multiple local officials", "defLevel": "2" } ], "name": "Failed 4up", "defLevel": "1" }
  ],
  "resultCode": "0200000",
  "resultDesc": "queryBusinessResults Success!",
  "totalCount": 3,
  "returnDesc": "queryBusinessResults Success!"
}`;
const SEED_003 = `{ "returnCode": "0200000", "data": [ { "appointId": "174730253678826340158055543045", "callType": "2", "appointTime": 1747302523000, "calledNo": "66660001", "taskId": "1106025109", "taskName": "Preempted task", "taskStatus": "2", "timeout": true, "userAccount": "116", "userName": "116", "beginTime": 1747302513000, "endTime": 1747302523000, "callFlag": "2", "callerNo": "710002", "failCode": "00604", "result": "0101", "busiResult": "Reservation business result > aab", "createTime": 1747302536000 } ], "resultCode": "0200000", "resultDesc": "success", "totalCount": 4, "returnDesc": "success" }`;

/** Record key order must match the seed too (toEqual ignores it). */
function expectSameKeyOrder(actual: unknown[], expected: unknown[]) {
  expect(actual.map((record) => Object.keys(record as object))).toEqual(expected.map((record) => Object.keys(record as object)));
}

describe('VDN 1 serves the seed examples', () => {
  let simulator: Simulator;
  let withCount: Simulator;
  // The import-task and server examples carry no `count`; dropCount reproduces them byte for byte.
  beforeAll(async () => {
    simulator = await startSimulator({ dropCount: true });
    withCount = await startSimulator();
  });
  afterAll(async () => {
    await simulator.close();
    await withCount.close();
  });

  it('blackfile/queryDataImportTask answers the seed 000 request with the seed response', async () => {
    const response = await post(simulator, '1/blackfile/queryDataImportTask', {
      limit: 10,
      offset: 0,
      importTaskIds: ['164698362894300182038011895728'],
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(JSON.parse(SEED_000));
    expectSameKeyOrder(response.json().result, JSON.parse(SEED_000).result);
  });

  it('file/queryServer answers the seed 001 request with the seed response (nulls included)', async () => {
    const response = await post(simulator, '1/file/queryServer', { limit: 10, offset: 0 });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(JSON.parse(SEED_001));
    expectSameKeyOrder(response.json().server, JSON.parse(SEED_001).server);
  });

  it('adds count (the documented total) unless dropCount is set', async () => {
    const tasks = await post(withCount, '1/blackfile/queryDataImportTask', { limit: 10, offset: 0 });
    expect(tasks.json()).toEqual({ ...JSON.parse(SEED_000), count: 1 });
    const servers = await post(withCount, '1/file/queryServer', { limit: 2, offset: 0 });
    expect(servers.json().count).toBe(5);
    expect(servers.json().server).toEqual(JSON.parse(SEED_001).server.slice(0, 2));
  });

  it('queryBusinessResults answers with the seed 002 response', async () => {
    const response = await get(simulator, '1/queryBusinessResults?pageSize=50&pageNum=1');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(JSON.parse(SEED_002));
    expectSameKeyOrder(response.json().data, JSON.parse(SEED_002).data);
    expectSameKeyOrder(response.json().data[0].children, JSON.parse(SEED_002).data[0].children);
  });

  it('appoint/list answers the seed 003 request with totalCount 4 and the seed record first', async () => {
    const response = await post(withCount, '1/appoint/list', { limit: 10, offset: 0, taskId: '1106025109' });
    const seed = JSON.parse(SEED_003);
    expect(response.status).toBe(200);
    expect(response.json().totalCount).toBe(4);
    expect(response.json().data).toHaveLength(4);
    expect(response.json().data[0]).toEqual(seed.data[0]);
    expectSameKeyOrder(response.json().data, [seed.data[0], seed.data[0], seed.data[0], seed.data[0]]);
    expect(response.json().data.every((row: { taskId: string }) => row.taskId === '1106025109')).toBe(true);

    const firstPage = await post(withCount, '1/appoint/list', { limit: 1, offset: 0, taskId: '1106025109' });
    expect(firstPage.json()).toEqual(seed);
  });
});
