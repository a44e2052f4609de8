import type { Simulator } from './simulator';
import { get, post, startSimulator } from './spec-helpers';

const HOUR = 3_600_000;
const SEED_TASK = '1106025109';
/** The seed appointment: its call was made (it has a beginTime). */
const SEED_APPOINTMENT = '174730253678826340158055543045';
const SERVER = { userName: 'sftp_user', serverInfo: { ip: '10.9.8.7', port: '22', filePath: '/home/sftp' }, serverPwd: 'S3cret-pass' };

describe('simulator writes: state per VDN, documented codes', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator({ generatedSize: 20, businessResultParents: 5 });
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.clearFaults());

  const servers = async (vdn: number) =>
    (await post(simulator, `${vdn}/file/queryServer`, { offset: 0, limit: 100 })).json().server as Array<Record<string, unknown>>;
  const appointments = async (vdn: number) =>
    (await post(simulator, `${vdn}/appoint/list`, { offset: 0, limit: 100 })).json().data as Array<Record<string, unknown>>;
  const expectCode = (json: Record<string, unknown>, code: string, field?: string) => {
    expect(json.resultCode).toBe(code);
    if (field) expect(json.resultDesc).toContain(field);
  };

  describe('file servers', () => {
    it('adds a server (serverId at the top level) that the next queryServer lists, without any password', async () => {
      const response = await post(simulator, '3/file/addServer', SERVER);
      expect(response.status).toBe(200);
      const { serverId, resultCode } = response.json();
      expect(resultCode).toBe('0200000');
      expect(serverId).toMatch(/^\d{30}$/);
      const listed = (await servers(3)).find((server) => server.serverId === serverId);
      expect(listed).toEqual({ port: '22', ip: '10.9.8.7', filePath: '/home/sftp', userName: 'sftp_user', serverId });
      expect(JSON.stringify(await servers(3))).not.toContain('S3cret');
    });

    it('keeps VDNs apart', async () => {
      await post(simulator, '9999/file/addServer', { ...SERVER, userName: 'only9999' });
      expect((await servers(9999)).map((server) => server.userName)).toEqual(['only9999']);
      expect((await servers(4)).some((server) => server.userName === 'only9999')).toBe(false);
    });

    it.each([
      ['userName missing', { ...SERVER, userName: undefined }, '02000001', 'userName'],
      ['userName over 30', { ...SERVER, userName: 'u'.repeat(31) }, '02000003', 'userName'],
      ['userName with a dot', { ...SERVER, userName: 'a.b' }, '02000002', 'userName'],
      ['serverPwd missing', { ...SERVER, serverPwd: undefined }, '02000001', 'serverPwd'],
      ['serverInfo missing', { ...SERVER, serverInfo: undefined }, '02000001', 'serverInfo'],
      ['port as a number', { ...SERVER, serverInfo: { ...SERVER.serverInfo, port: 22 } }, '02000006', 'serverInfo.port'],
      ['port 70000', { ...SERVER, serverInfo: { ...SERVER.serverInfo, port: '70000' } }, '02000007', 'serverInfo.port'],
      ['filePath missing', { ...SERVER, serverInfo: { ...SERVER.serverInfo, filePath: '' } }, '02000001', 'filePath'],
    ])('addServer: %s', async (_case, body, code, field) => {
      expectCode((await post(simulator, '3/file/addServer', body)).json(), code, field);
    });

    it('answers a password outside 8..80 with the page\u2019s own error example', async () => {
      const json = (await post(simulator, '3/file/addServer', { ...SERVER, serverPwd: 'short' })).json();
      expect(json).toEqual({ resultCode: '02000005', description: ' 参数长度需要介于8和80之间' });
    });

    it('refuses a second identical server in the tenant space', async () => {
      const body = { ...SERVER, userName: 'twice' };
      expectCode((await post(simulator, '5/file/addServer', body)).json(), '0200000');
      expectCode((await post(simulator, '5/file/addServer', body)).json(), '0200001', 'serverInfo');
    });

    it('updates a server in place, and asks for the password when the IP changes', async () => {
      const { serverId } = (await post(simulator, '6/file/addServer', SERVER)).json();
      const moved = { userName: 'other', serverInfo: { ip: '10.0.0.1', port: '2222', filePath: '/data' } };
      expectCode((await post(simulator, `6/file/${serverId}/updateServer`, moved)).json(), '0200001', 'serverPwd');
      const sameHost = { ...moved, serverInfo: { ...moved.serverInfo, ip: '10.9.8.7' } };
      expectCode((await post(simulator, `6/file/${serverId}/updateServer`, sameHost)).json(), '0200000');
      expectCode((await post(simulator, `6/file/${serverId}/updateServer`, { ...moved, serverPwd: 'another-pass' })).json(), '0200000');
      expect((await servers(6)).find((server) => server.serverId === serverId)).toEqual({
        port: '2222',
        ip: '10.0.0.1',
        filePath: '/data',
        userName: 'other',
        serverId,
      });
    });

    it('deletes a server; a second delete, or an unknown id, is 0200006; a bad id 0200001', async () => {
      const { serverId } = (await post(simulator, '7/file/addServer', SERVER)).json();
      expectCode((await post(simulator, `7/file/${serverId}/deleteServer`, {})).json(), '0200000');
      expect((await servers(7)).some((server) => server.serverId === serverId)).toBe(false);
      expectCode((await post(simulator, `7/file/${serverId}/deleteServer`, {})).json(), '0200006', 'serverId');
      expectCode((await post(simulator, `7/file/${serverId}/updateServer`, SERVER)).json(), '0200006', 'serverId');
      expectCode((await post(simulator, '7/file/12ab/deleteServer', {})).json(), '0200001', 'serverId');
    });

    it('routes the id-in-path operations by method too', async () => {
      expect((await get(simulator, '1/file/164690088271159234793429225848/deleteServer')).status).toBe(405);
    });
  });

  describe('reservations', () => {
    const create = (body: Record<string, unknown>, vdn = 1) =>
      post(simulator, `${vdn}/appoint/create`, {
        callType: 1,
        calledNo: '13800000001',
        userAccount: '116',
        taskId: SEED_TASK,
        appointTime: Date.now() + 24 * HOUR,
        ...body,
      });

    it('creates a reservation (returnObject.appointId) that the next appoint/list shows with no call yet', async () => {
      const appointTime = Date.now() + 48 * HOUR;
      const json = (await create({ callType: '1', calledNo: '13800000002', appointTime })).json();
      expect(json.resultCode).toBe('0200000');
      const id = json.returnObject.appointId as string;
      expect(id).toMatch(/^\d{30}$/);
      const listed = (await appointments(1)).find((a) => a.appointId === id);
      expect(listed).toMatchObject({
        callType: '1',
        appointTime,
        calledNo: '13800000002',
        taskId: SEED_TASK,
        taskName: 'Preempted task',
        userAccount: '116',
        userName: '116',
        beginTime: null,
        timeout: false,
      });
    });

    it('can answer with returnObject.id, as the page\u2019s example does', async () => {
      const other = await startSimulator({ appointCreateIdField: 'id' });
      try {
        const json = (
          await post(other, '1/appoint/create', { callType: 2, calledNo: '1', userAccount: '1', taskId: SEED_TASK, appointTime: Date.now() + HOUR })
        ).json();
        expect(Object.keys(json.returnObject)).toEqual(['id']);
      } finally {
        await other.close();
      }
    });

    it.each([
      ['callType missing', { callType: undefined }, '02000001', 'callType'],
      ['callType 3', { callType: 3 }, '0200001', 'callType'],
      ['calledNo with letters', { calledNo: '1380abc' }, '04000002', 'calledNo'],
      ['no agent', { userAccount: undefined }, '02000001', 'userAccount'],
      ['unknown campaign', { taskId: '42' }, '0200007', 'taskId'],
      ['appointTime in the past', { appointTime: Date.now() - HOUR }, '04000001', 'appointTime'],
      ['appointTime as a string', { appointTime: '2030-01-01' }, '04000001', 'appointTime'],
      ['callData over 1024', { callType: 2, callData: 'x'.repeat(1025) }, '02000003', 'callData'],
    ])('create: %s', async (_case, body, code, field) => {
      expectCode((await create(body)).json(), code, field);
    });

    it('modifies a manual reservation, never an automatic one', async () => {
      const manual = (await create({ callType: 1 })).json().returnObject.appointId;
      const appointTime = Date.now() + 72 * HOUR;
      expectCode((await post(simulator, '1/appoint/update', { appointId: manual, userAccount: '117', appointTime, remark: 'moved' })).json(), '0200000');
      expect((await appointments(1)).find((a) => a.appointId === manual)).toMatchObject({ userAccount: '117', userName: '117', appointTime });
      const automatic = (await create({ callType: 2 })).json().returnObject.appointId;
      expectCode((await post(simulator, '1/appoint/update', { appointId: automatic, remark: 'x' })).json(), '0200001', 'automatic');
      expectCode((await post(simulator, '1/appoint/update', { appointId: '1' })).json(), '04000004', 'appointId');
    });

    it('writes a result back with the business result\u2019s names, and then the reservation cannot be deleted', async () => {
      const id = (await create({})).json().returnObject.appointId;
      const result = {
        appointId: id,
        callerNo: '710002',
        failCode: '00000',
        callId: '1700000000-1',
        busiResult: '11111',
        busiSubStatus: '12324',
        beginTime: 1_800_000_000_000,
        endTime: 1_800_000_060_000,
      };
      expectCode((await post(simulator, '1/appoint/updateResult', result)).json(), '0200000');
      expect((await appointments(1)).find((a) => a.appointId === id)).toMatchObject({
        callerNo: '710002',
        failCode: '00000',
        busiResult: 'test111 > sub02',
        beginTime: 1_800_000_000_000,
        endTime: 1_800_000_060_000,
      });
      expectCode((await post(simulator, '1/appoint/delete', { appointId: id })).json(), '04000005');
      expectCode((await post(simulator, '1/appoint/updateResult', { appointId: id, busiResult: 'nope' })).json(), '0200001', 'busiResult');
      expectCode((await post(simulator, '1/appoint/updateResult', { appointId: '1' })).json(), '04000004');
    });

    it('deletes a reservation whose call was not made; 04000005 for the seed one (called); 04000004 when gone', async () => {
      const id = (await create({})).json().returnObject.appointId;
      expectCode((await post(simulator, '1/appoint/delete', { appointId: id })).json(), '0200000');
      expect((await appointments(1)).some((a) => a.appointId === id)).toBe(false);
      expectCode((await post(simulator, '1/appoint/delete', { appointId: id })).json(), '04000004');
      expectCode((await post(simulator, '1/appoint/delete', { appointId: SEED_APPOINTMENT })).json(), '04000005');
      expectCode((await post(simulator, '1/appoint/delete', {})).json(), '02000001', 'appointId');
    });

    it('counts an automatic reservation as called from 5 minutes before its time', async () => {
      const soon = (await create({ callType: 2, appointTime: Date.now() + 4 * 60_000 })).json().returnObject.appointId;
      expectCode((await post(simulator, '1/appoint/delete', { appointId: soon })).json(), '04000005');
    });
  });

  describe('business results', () => {
    const tree = async (vdn: number) =>
      (await get(simulator, `${vdn}/queryBusinessResults?pageSize=50&pageNum=1`)).json().data as Array<Record<string, unknown>>;

    it('adds a definition that the next queryBusinessResults lists, with defLevel and generated codes where none was given', async () => {
      const body = { name: '呼叫失败', code: 'new-1', description: '呼叫失败', children: [{ name: '客户直接挂断', code: 'new-1-a' }, { name: '客户关机' }] };
      const json = (await post(simulator, '1/addBusinessResult', body)).json();
      expect(json).toEqual({ resultCode: '0200000', resultDesc: 'addBusinessResult success', returnCode: '0200000', returnDesc: 'addBusinessResult success' });
      const added = (await tree(1)).at(-1)!;
      expect(added).toMatchObject({ code: 'new-1', name: '呼叫失败', defLevel: '1' });
      expect(added.children).toEqual([
        { code: 'new-1-a', name: '客户直接挂断', defLevel: '2' },
        { code: expect.stringMatching(/^\d{30}$/), name: '客户关机', defLevel: '2' },
      ]);
    });

    it.each([
      ['name missing', { code: 'x1' }, '02000001', 'name'],
      ['name over 50', { name: 'n'.repeat(51) }, '02000003', 'name'],
      ['name with <', { name: 'a<b' }, '02000002', 'name'],
      ['code with _', { name: 'n', code: 'a_b' }, '02000002', 'code'],
      ['description over 200', { name: 'n', description: 'd'.repeat(201) }, '02000003', 'description'],
      ['children not a list', { name: 'n', children: {} }, '0200001', 'children'],
      ['a child without a name', { name: 'n', children: [{ code: 'c9' }] }, '02000001', 'name'],
      ['a code already used', { name: 'n', code: '11111' }, '0200001', 'code'],
    ])('addBusinessResult: %s', async (_case, body, code, field) => {
      expectCode((await post(simulator, '1/addBusinessResult', body)).json(), code, field);
    });
  });

  it('injects faults into writes like into reads', async () => {
    simulator.setFault('addServer', { httpStatus: 503, times: 1 });
    expect((await post(simulator, '8/file/addServer', SERVER)).status).toBe(503);
    expect((await servers(8)).some((server) => server.userName === SERVER.userName)).toBe(false);
    simulator.setFault('appointDelete', { resultCode: '0200006' });
    expectCode((await post(simulator, '1/appoint/delete', { appointId: SEED_APPOINTMENT })).json(), '0200006');
  });
});
