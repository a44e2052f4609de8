import { appointmentPools } from './data/generate-appointments';
import { DatasetStore } from './data/dataset-store';
import type { Simulator } from './simulator';
import { get, post, startSimulator } from './spec-helpers';

const VDN = 42;

describe('paging and filters on a generated VDN', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());

  it('POST slices [offset, offset+limit) and counts every match', async () => {
    const all = (await post(simulator, `${VDN}/blackfile/queryDataImportTask`, { offset: 0, limit: 100 })).json();
    expect(all.count).toBe(250);
    expect(all.result).toHaveLength(100);
    const page = (await post(simulator, `${VDN}/blackfile/queryDataImportTask`, { offset: 30, limit: 20 })).json();
    expect(page.count).toBe(250);
    expect(page.result).toEqual(all.result.slice(30, 50));
    const tail = (await post(simulator, `${VDN}/file/queryServer`, { offset: 240, limit: 100 })).json();
    expect(tail.server).toHaveLength(10);
    expect(tail.count).toBe(250);
  });

  it('an offset past the end gives an empty list and success', async () => {
    const response = (await post(simulator, `${VDN}/file/queryServer`, { offset: 1000, limit: 10 })).json();
    expect(response).toMatchObject({ server: [], count: 250, resultCode: '0200000', returnCode: '0200000' });
  });

  it('GET pages over parents: [(pageNum-1)*pageSize, +pageSize), totalCount = parents', async () => {
    const pages = [];
    for (let pageNum = 1; pageNum <= 3; pageNum++) {
      const json = (await get(simulator, `${VDN}/queryBusinessResults?pageSize=50&pageNum=${pageNum}`)).json();
      expect(json.totalCount).toBe(120);
      expect(json.resultDesc).toBe('queryBusinessResults Success!');
      pages.push(json.data);
    }
    expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
    const second = (await get(simulator, `${VDN}/queryBusinessResults?pageSize=7&pageNum=2`)).json();
    expect(second.data).toEqual(pages[0].slice(7, 14));
  });

  it('filters by ids and silently drops unknown ids', async () => {
    const all = (await post(simulator, `${VDN}/file/queryServer`, { offset: 0, limit: 100 })).json().server;
    const wanted = [all[3].serverId, '999999999999999999999999999999', all[1].serverId];
    const response = (await post(simulator, `${VDN}/file/queryServer`, { offset: 0, limit: 10, serverIds: wanted })).json();
    expect(response.count).toBe(2);
    expect(response.server).toEqual([all[1], all[3]]);
  });

  it('appoint/list filters by taskId, calledNo, userAccountList and appointTime bounds (inclusive)', async () => {
    const { tasks, agents, calledNos } = appointmentPools(VDN);
    const everything = (await post(simulator, `${VDN}/appoint/list`, { offset: 0, limit: 100 })).json();
    expect(everything.totalCount).toBe(250);

    const byTask = (await post(simulator, `${VDN}/appoint/list`, { offset: 0, limit: 100, taskId: tasks[0].taskId })).json();
    expect(byTask.totalCount).toBeGreaterThan(0);
    expect(byTask.totalCount).toBeLessThan(250);
    expect(byTask.data.every((row: { taskId: string }) => row.taskId === tasks[0].taskId)).toBe(true);

    const accounts = [agents[0].userAccount, agents[1].userAccount];
    const combined = (await post(simulator, `${VDN}/appoint/list`, { offset: 0, limit: 100, calledNo: calledNos[2], userAccountList: accounts })).json();
    expect(combined.totalCount).toBeGreaterThan(0);
    for (const row of combined.data) {
      expect(row.calledNo).toBe(calledNos[2]);
      expect(accounts).toContain(row.userAccount);
    }

    const [first, , third] = everything.data;
    const window = { offset: 0, limit: 100, beginTime: first.appointTime, endTime: third.appointTime };
    const bounded = (await post(simulator, `${VDN}/appoint/list`, window)).json();
    expect(bounded.totalCount).toBe(3);
    expect(bounded.data).toEqual(everything.data.slice(0, 3));
  });

  it('an empty VDN answers success with empty lists and zero counts', async () => {
    expect((await post(simulator, '9999/blackfile/queryDataImportTask', { offset: 0, limit: 10 })).json()).toEqual({
      result: [],
      count: 0,
      resultCode: '0200000',
      resultDesc: 'success',
      returnCode: '0200000',
      returnDesc: 'success',
    });
    expect((await get(simulator, '9999/queryBusinessResults?pageSize=10&pageNum=1')).json()).toMatchObject({ data: [], totalCount: 0 });
    expect((await post(simulator, '9999/appoint/list', { offset: 0, limit: 10 })).json()).toMatchObject({ data: [], totalCount: 0 });
  });

  it('dropReturnCode removes returnCode/returnDesc; dropCount removes count', async () => {
    const legacy = await startSimulator({ dropReturnCode: true, dropCount: true, generatedSize: 3 });
    try {
      const json = (await post(legacy, `${VDN}/file/queryServer`, { offset: 0, limit: 10 })).json();
      expect(Object.keys(json)).toEqual(['server', 'resultCode', 'resultDesc']);
      const failure = (await post(legacy, `${VDN}/file/queryServer`, { offset: 0 })).json();
      expect(Object.keys(failure)).toEqual(['resultCode', 'resultDesc']);
    } finally {
      await legacy.close();
    }
  });
});

describe('generated data', () => {
  const store = new DatasetStore({ generatedSize: 250, businessResultParents: 120, emptyVdns: [9999] });
  const data = store.get(VDN);

  it('is deterministic and cached per VDN', () => {
    const again = new DatasetStore({ generatedSize: 250, businessResultParents: 120, emptyVdns: [] }).get(VDN);
    expect(again).toEqual(data);
    expect(store.get(VDN)).toBe(data);
    expect(store.get(VDN + 1).servers).not.toEqual(data.servers);
  });

  it('uses unique 30-digit string ids', () => {
    for (const ids of [data.importTasks.map((t) => t.id), data.servers.map((s) => s.serverId), data.appointments.map((a) => a.appointId)]) {
      expect(ids.every((id) => /^\d{30}$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('import tasks: statuses 0..3, errMsg only when failed, ISO +00:00 times, endTime "" while running', () => {
    expect(new Set(data.importTasks.map((t) => t.status))).toEqual(new Set(['0', '1', '2', '3']));
    for (const task of data.importTasks) {
      expect(task.errMsg === '').toBe(task.status !== '3');
      expect(task.beginTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000\+00:00$/);
      if (task.status === '0' || task.status === '1') expect(task.endTime).toBe('');
      else expect(task.endTime).toMatch(/\+00:00$/);
    }
  });

  it('servers: some with null ip/port/filePath, port as a string', () => {
    expect(data.servers.some((s) => s.ip === null && s.port === null && s.filePath === null)).toBe(true);
    expect(data.servers.filter((s) => s.port !== null).every((s) => typeof s.port === 'string')).toBe(true);
  });

  it('business results: two levels, 0..3 children, codes from [0-9A-Za-z-], unique', () => {
    expect(data.businessResults).toHaveLength(120);
    const codes: string[] = [];
    for (const parent of data.businessResults) {
      expect(parent.defLevel).toBe('1');
      expect(parent.children.length).toBeLessThanOrEqual(3);
      codes.push(parent.code, ...parent.children.map((child) => child.code));
      expect(parent.children.every((child) => child.defLevel === '2' && !('children' in child))).toBe(true);
    }
    expect(codes.every((code) => /^[0-9A-Za-z-]{1,50}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('appointments: epoch-ms numbers, string enums, boolean timeout', () => {
    for (const row of data.appointments) {
      expect(Number.isInteger(row.appointTime) && Number.isInteger(row.createTime)).toBe(true);
      expect(['1', '2']).toContain(row.callType);
      expect(typeof row.taskStatus).toBe('string');
      expect(typeof row.callFlag).toBe('string');
      expect(typeof row.timeout).toBe('boolean');
    }
  });
});
