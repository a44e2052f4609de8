import { DEFAULT_GENERATED_SIZE } from '../simulator/simulator';
import { appointmentPools, generateAppointments } from '../simulator/data/generate-appointments';
import type { Appointment } from '../simulator/data/records';
import { ISALES_ERROR_TABLES } from '../src/upstream/operations.catalogue';
import { APPOINTMENT_EXAMPLE } from '../src/modules/appointments/appointment.example';
import type { AppointmentPage, operations } from '../clients/typescript/src/index';
import { useStack } from './support/harness';
import { expectRejectedBeforeUpstream, expectUpstreamCodeMapped } from './support/problem-expectations';

const BASE = '/api/v1/vdns';
const SEED_TASK_ID = '1106025109';

/** What the gateway should make of a generated record, written out independently of the mapper. */
function expectedAppointment(a: Appointment) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: a.appointId,
    type: a.callType === '1' ? 'manual' : 'automatic',
    appointedAt: iso(a.appointTime),
    calledNumber: a.calledNo,
    callerNumber: a.callerNo,
    expired: a.timeout,
    task: { id: a.taskId, name: a.taskName, status: a.taskStatus },
    agent: { account: a.userAccount, name: a.userName },
    call: { startedAt: iso(a.beginTime), endedAt: iso(a.endTime), flag: a.callFlag, failCode: a.failCode, result: a.result },
    businessResult: a.busiResult,
    createdAt: iso(a.createTime),
  };
}

describe('appointments (gateway + simulator over HTTP)', () => {
  const stack = useStack();
  const generated = generateAppointments(2, DEFAULT_GENERATED_SIZE);

  type ListQuery = NonNullable<operations['listAppointments']['parameters']['query']>;
  const list = (vdnId: number, query: ListQuery = {}) => stack.client.GET('/api/v1/vdns/{vdnId}/appointments', { params: { path: { vdnId }, query } });

  const upstreamBodies = () => stack.upstreamBodies('appointList');

  describe('GET /vdns/{vdnId}/appointments', () => {
    it('normalises the seed example of VDN 1, first of the 4 of its task', async () => {
      const { data: body, response } = await list(1, { taskId: SEED_TASK_ID });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(body!.items[0]).toEqual(APPOINTMENT_EXAMPLE);
      expect(body).toMatchObject({ page: 1, pageSize: 20, total: 4 });
      expect(body!.items.map((item) => item.task.id)).toEqual(Array(4).fill(SEED_TASK_ID));
      expect(upstreamBodies()).toEqual([{ offset: 0, limit: 20, taskId: SEED_TASK_ID }]);
    });

    it('leaves absent filters out of the upstream body entirely', async () => {
      const { response } = await list(1);
      expect(response.status).toBe(200);
      expect(stack.simulator.requests.map((r) => r.body)).toEqual(['{"offset":0,"limit":20}']);
    });

    it('pages through a generated VDN as offset/limit and keeps the upstream total', async () => {
      const { data, response } = await list(2, { page: 3, pageSize: 10 });
      expect(response.status).toBe(200);
      expect(upstreamBodies()).toEqual([{ offset: 20, limit: 10 }]);
      expect(data).toEqual({
        items: generated.slice(20, 30).map(expectedAppointment),
        page: 3,
        pageSize: 10,
        total: DEFAULT_GENERATED_SIZE,
      });
    });

    it('sends every filter under its iSales name, times as epoch milliseconds', async () => {
      const task = appointmentPools(2).tasks[0].taskId;
      const { data: body, response } = await list(2, {
        taskId: task,
        calledNumber: '66660001',
        agents: '101,102',
        from: '2025-05-15T09:00:00Z',
        to: '2025-05-18T17:30:00.500+08:00',
      });
      expect(response.status).toBe(200);
      expect(upstreamBodies()).toEqual([
        {
          offset: 0,
          limit: 20,
          taskId: task,
          calledNo: '66660001',
          userAccountList: ['101', '102'],
          beginTime: Date.UTC(2025, 4, 15, 9, 0, 0),
          endTime: Date.UTC(2025, 4, 18, 9, 30, 0, 500),
        },
      ]);
      const wanted = generated.filter(
        (a) =>
          a.taskId === task &&
          a.calledNo === '66660001' &&
          ['101', '102'].includes(a.userAccount) &&
          a.appointTime >= Date.UTC(2025, 4, 15, 9) &&
          a.appointTime <= Date.UTC(2025, 4, 18, 9, 30, 0, 500),
      );
      expect(wanted.length).toBeGreaterThan(0);
      expect(body!.total).toBe(wanted.length);
      expect(body!.items).toEqual(wanted.slice(0, 20).map(expectedAppointment));
    });

    // Repeated parameters are what other callers may send; the typed client sends the documented list.
    it('filters by agents (repeated parameters too)', async () => {
      const response = await stack.get(`${BASE}/2/appointments?agents=101&agents=116&pageSize=100`);
      expect(upstreamBodies()).toEqual([{ offset: 0, limit: 100, userAccountList: ['101', '116'] }]);
      const body = (await response.json()) as AppointmentPage;
      const wanted = generated.filter((a) => ['101', '116'].includes(a.userAccount));
      expect(body.total).toBe(wanted.length);
      expect(body.items.map((item) => item.id)).toEqual(wanted.slice(0, 100).map((a) => a.appointId));
    });

    it('sends a called number with +, * and # as it is', async () => {
      const { response } = await list(1, { calledNumber: '+86*138#' });
      expect(response.status).toBe(200);
      expect(upstreamBodies()).toEqual([{ offset: 0, limit: 20, calledNo: '+86*138#' }]);
    });

    it('accepts from equal to to', async () => {
      const { data, response } = await list(1, { from: '2025-05-15T09:48:43Z', to: '2025-05-15T09:48:43.000Z' });
      expect(response.status).toBe(200);
      expect(upstreamBodies()).toEqual([{ offset: 0, limit: 20, beginTime: 1747302523000, endTime: 1747302523000 }]);
      expect(data!.items[0]).toEqual(APPOINTMENT_EXAMPLE);
    });

    it('never logs a full called number', async () => {
      await list(1, { calledNumber: '8613800001234' });
      await stack.get(`${BASE}/1/appointments?calledNumber=8613800001234&bogus=1`);
      expect(stack.gateway.logs.text()).not.toContain('8613800001234');
    });
  });

  describe('invalid input: 400 and no upstream call', () => {
    const tooManyAgents = Array.from({ length: 101 }, (_, i) => `agent${i}`).join(',');

    it.each([
      ['vdnId 0', `${BASE}/0/appointments`, 'vdnId'],
      ['vdnId 10000', `${BASE}/10000/appointments`, 'vdnId'],
      ['page 0', `${BASE}/1/appointments?page=0`, 'page'],
      ['page 1.5', `${BASE}/1/appointments?page=1.5`, 'page'],
      ['pageSize 101', `${BASE}/1/appointments?pageSize=101`, 'pageSize'],
      ['a taskId with letters', `${BASE}/1/appointments?taskId=11060251a9`, 'taskId'],
      ['a taskId of 65 digits', `${BASE}/1/appointments?taskId=${'1'.repeat(65)}`, 'taskId'],
      ['a calledNumber with a dash', `${BASE}/1/appointments?calledNumber=6666-0001`, 'calledNumber'],
      ['a calledNumber of 33 digits', `${BASE}/1/appointments?calledNumber=${'1'.repeat(33)}`, 'calledNumber'],
      ['an agent with a space', `${BASE}/1/appointments?agents=101,${encodeURIComponent('1 02')}`, 'agents'],
      ['101 agents', `${BASE}/1/appointments?agents=${tooManyAgents}`, 'agents'],
      ['an unparsable from', `${BASE}/1/appointments?from=yesterday`, 'from'],
      ['a from without a time zone', `${BASE}/1/appointments?from=2025-05-15T09:00:00`, 'from'],
      ['an impossible to', `${BASE}/1/appointments?to=2025-02-30T09:00:00Z`, 'to'],
      ['from after to', `${BASE}/1/appointments?from=2025-05-16T00:00:00Z&to=2025-05-15T00:00:00Z`, 'from'],
      ['an unknown query parameter', `${BASE}/1/appointments?calledNo=66660001`, 'calledNo'],
    ])('%s', async (_case, path, param) => {
      await expectRejectedBeforeUpstream(stack, await stack.get(path), param);
    });
  });

  describe('iSales business codes (appointList table)', () => {
    it.each(Object.entries(ISALES_ERROR_TABLES.appointList))('%s -> %s', async (code, outcome) => {
      stack.simulator.setFault('appointList', { resultCode: code, resultDesc: 'x' });
      await expectUpstreamCodeMapped(stack, await list(1, { taskId: SEED_TASK_ID }), code, outcome);
    });
  });
});
