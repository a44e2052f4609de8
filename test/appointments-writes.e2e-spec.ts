import { AppointmentDto, AppointmentPageDto } from '../src/modules/appointments/dto/appointment.dto';
import { ProblemDetails } from '../src/common/errors/problem';
import { startStack, useStack } from './support/harness';
import { createdThrough, jsonInit } from './support/json-request';
import { expectRejectedBeforeUpstream, expectWriteNotRetried, itMapsEachUpstreamCode } from './support/problem-expectations';

const APPOINTMENTS = '/api/v1/vdns/1/appointments';
const SEED_TASK = '1106025109';
/** The seed reservation: its call was made, so iSales refuses to delete it. */
const CALLED = '174730253678826340158055543045';
const DAY = 86_400_000;
const future = (days: number) => new Date(Math.ceil(Date.now() / 1000) * 1000 + days * DAY).toISOString();

describe('appointment writes (gateway + simulator over HTTP)', () => {
  const stack = useStack();
  const send = (method: string, path: string, body?: unknown) => stack.request(path, jsonInit(method, body));
  const json = async <T>(response: Response) => (await response.json()) as T;
  const reservation = (overrides: Record<string, unknown> = {}) => ({
    type: 'manual',
    calledNumber: '13800000001',
    agent: '116',
    taskId: SEED_TASK,
    appointedAt: future(2),
    ...overrides,
  });
  const listed = async (id: string) =>
    (await json<AppointmentPageDto>(await stack.get(`${APPOINTMENTS}?taskId=${SEED_TASK}&pageSize=100`))).items.find((a) => a.id === id);

  const created = (overrides: Record<string, unknown> = {}) => createdThrough<AppointmentDto>(stack, APPOINTMENTS, reservation(overrides));

  describe('POST /vdns/{vdnId}/appointments', () => {
    it('reserves a call (201, Location) that the next list shows', async () => {
      const appointedAt = future(3);
      const response = await send('POST', APPOINTMENTS, reservation({ appointedAt, remark: 'renewal' }));
      expect(response.status).toBe(201);
      const appointment = await json<AppointmentDto>(response);
      expect(appointment).toMatchObject({
        id: expect.stringMatching(/^\d{30}$/),
        type: 'manual',
        appointedAt,
        calledNumber: '13800000001',
        task: { id: SEED_TASK },
        agent: { account: '116' },
        call: { startedAt: null, endedAt: null },
      });
      expect(response.headers.get('location')).toBe(`${APPOINTMENTS}/${appointment.id}`);
      expect(stack.upstreamBodies('appointCreate')).toEqual([
        { callType: 1, calledNo: '13800000001', userAccount: '116', taskId: SEED_TASK, appointTime: Date.parse(appointedAt), remark: 'renewal' },
      ]);
      expect(await listed(appointment.id!)).toMatchObject({
        id: appointment.id,
        type: 'manual',
        appointedAt,
        calledNumber: '13800000001',
        task: { id: SEED_TASK, name: 'Preempted task' },
        agent: { account: '116', name: '116' },
        call: { startedAt: null },
      });
    });

    it('sends callData of an automatic reservation as JSON text', async () => {
      const response = await send('POST', APPOINTMENTS, reservation({ type: 'automatic', callData: { fullName: '林子航', riskName: '交强险' } }));
      expect(response.status).toBe(201);
      expect(stack.upstreamBodies('appointCreate')).toEqual([expect.objectContaining({ callType: 2, callData: '{"fullName":"林子航","riskName":"交强险"}' })]);
    });

    it('reads the id from returnObject.id too, as the page\u2019s example has it', async () => {
      const other = await startStack({ simulator: { appointCreateIdField: 'id' } });
      try {
        const response = await other.request(APPOINTMENTS, jsonInit('POST', reservation()));
        expect(response.status).toBe(201);
        expect((await json<AppointmentDto>(response)).id).toMatch(/^\d{30}$/);
      } finally {
        await other.close();
      }
    });

    it.each([
      ['0200007 for an unknown campaign', { taskId: '42' }, 404, '0200007'],
      ['04000001 for a time in the past', { appointedAt: '2020-01-01T00:00:00Z' }, 400, '04000001'],
    ])('maps iSales\u2019 %s', async (_case, overrides, status, code) => {
      const response = await send('POST', APPOINTMENTS, reservation(overrides));
      expect(response.status).toBe(status);
      expect((await json<ProblemDetails>(response)).upstream).toMatchObject({ code });
    });
  });

  describe('PATCH /vdns/{vdnId}/appointments/{appointmentId}', () => {
    it('moves and reassigns a manual reservation (204), as the next list shows', async () => {
      const { id } = await created();
      const appointedAt = future(5);
      const response = await send('PATCH', `${APPOINTMENTS}/${id}`, { agent: '117', appointedAt, remark: 'moved' });
      expect(response.status).toBe(204);
      expect(stack.upstreamBodies('appointUpdate')).toEqual([{ appointId: id, userAccount: '117', appointTime: Date.parse(appointedAt), remark: 'moved' }]);
      expect(await listed(id!)).toMatchObject({ appointedAt, agent: { account: '117', name: '117' } });
    });

    it('answers iSales\u2019 refusal to modify an automatic reservation as a 400 with its code', async () => {
      const { id } = await created({ type: 'automatic' });
      const response = await send('PATCH', `${APPOINTMENTS}/${id}`, { remark: 'x' });
      expect(response.status).toBe(400);
      expect((await json<ProblemDetails>(response)).upstream).toMatchObject({ code: '0200001', description: expect.stringContaining('automatic') });
    });

    it('answers 404 (04000004) for a reservation iSales does not have', async () => {
      const response = await send('PATCH', `${APPOINTMENTS}/123456789012345678901234567890`, { remark: 'x' });
      expect(response.status).toBe(404);
      expect((await json<ProblemDetails>(response)).upstream).toMatchObject({ code: '04000004' });
    });
  });

  describe('PUT /vdns/{vdnId}/appointments/{appointmentId}/result', () => {
    it('writes the result back (204); the next list shows the call and its business result', async () => {
      const { id } = await created();
      const result = {
        callerNumber: '710002',
        failCode: '00000',
        callId: '1747302513-4711',
        businessResult: '11111',
        businessSubStatus: '12324',
        startedAt: '2030-06-02T10:00:05Z',
        endedAt: '2030-06-02T10:03:41Z',
      };
      const response = await send('PUT', `${APPOINTMENTS}/${id}/result`, result);
      expect(response.status).toBe(204);
      expect(stack.upstreamBodies('appointUpdateResult')).toEqual([
        {
          appointId: id,
          callerNo: '710002',
          failCode: '00000',
          callId: '1747302513-4711',
          busiResult: '11111',
          busiSubStatus: '12324',
          beginTime: Date.parse(result.startedAt),
          endTime: Date.parse(result.endedAt),
        },
      ]);
      expect(await listed(id!)).toMatchObject({
        callerNumber: '710002',
        call: { startedAt: '2030-06-02T10:00:05.000Z', endedAt: '2030-06-02T10:03:41.000Z', failCode: '00000' },
        businessResult: 'test111 > sub02',
      });
    });
  });

  describe('DELETE /vdns/{vdnId}/appointments/{appointmentId}', () => {
    it('cancels a reservation whose call was not made (204); it is gone from the next list; then 404 (04000004)', async () => {
      const { id } = await created();
      expect((await send('DELETE', `${APPOINTMENTS}/${id}`)).status).toBe(204);
      expect(stack.upstreamBodies('appointDelete')).toEqual([{ appointId: id }]);
      expect(await listed(id!)).toBeUndefined();
      const again = await send('DELETE', `${APPOINTMENTS}/${id}`);
      expect(again.status).toBe(404);
      expect((await json<ProblemDetails>(again)).upstream).toMatchObject({ code: '04000004' });
    });

    it('answers 409 (04000005) for a reservation whose call was made', async () => {
      const response = await send('DELETE', `${APPOINTMENTS}/${CALLED}`);
      expect(response.status).toBe(409);
      expect((await json<ProblemDetails>(response)).upstream).toMatchObject({ code: '04000005' });
      expect(await listed(CALLED)).toBeDefined();
    });
  });

  describe('invalid input: 400 and no upstream call', () => {
    const one = `${APPOINTMENTS}/${CALLED}`;
    it.each([
      ['a type that is not manual or automatic', 'POST', APPOINTMENTS, reservation({ type: 'robot' }), 'type'],
      ['a called number with letters', 'POST', APPOINTMENTS, reservation({ calledNumber: '1380000abcd' }), 'calledNumber'],
      ['a 25-digit called number', 'POST', APPOINTMENTS, reservation({ calledNumber: '1'.repeat(25) }), 'calledNumber'],
      ['no agent', 'POST', APPOINTMENTS, reservation({ agent: undefined }), 'agent'],
      ['a taskId with letters', 'POST', APPOINTMENTS, reservation({ taskId: 'abc' }), 'taskId'],
      ['a time without a zone', 'POST', APPOINTMENTS, reservation({ appointedAt: '2030-06-02T10:00:00' }), 'appointedAt'],
      ['epoch milliseconds as the time', 'POST', APPOINTMENTS, reservation({ appointedAt: 1906250000000 }), 'appointedAt'],
      ['callData on a manual reservation', 'POST', APPOINTMENTS, reservation({ callData: 'x' }), 'callData'],
      ['callData over 1024 characters', 'POST', APPOINTMENTS, reservation({ type: 'automatic', callData: { a: 'x'.repeat(1020) } }), 'callData'],
      ['callData as a list', 'POST', APPOINTMENTS, reservation({ type: 'automatic', callData: [1] }), 'callData'],
      ['a 501-character remark', 'POST', APPOINTMENTS, reservation({ remark: 'r'.repeat(501) }), 'remark'],
      ['a field iSales does not know', 'POST', APPOINTMENTS, reservation({ callType: 1 }), 'callType'],
      ['an empty change', 'PATCH', one, {}, 'body'],
      ['a change with a bad time', 'PATCH', one, { appointedAt: 'tomorrow' }, 'appointedAt'],
      ['an empty result', 'PUT', `${one}/result`, {}, 'body'],
      ['a sub-result without its result', 'PUT', `${one}/result`, { businessSubStatus: '12324' }, 'businessSubStatus'],
      ['a result that ends before it starts', 'PUT', `${one}/result`, { startedAt: '2030-01-02T00:00:00Z', endedAt: '2030-01-01T00:00:00Z' }, 'startedAt'],
      ['a fail code with letters', 'PUT', `${one}/result`, { failCode: 'ok' }, 'failCode'],
      ['an appointment id with letters', 'DELETE', `${APPOINTMENTS}/12ab`, undefined, 'appointmentId'],
    ])('%s', async (_case, method, path, body, param) => {
      await expectRejectedBeforeUpstream(stack, await send(method, path, body), param);
    });
  });

  describe('iSales business codes, one table per write', () => {
    const one = `${APPOINTMENTS}/${CALLED}`;
    const routes = {
      appointCreate: () => send('POST', APPOINTMENTS, reservation()),
      appointUpdate: () => send('PATCH', one, { remark: 'x' }),
      appointUpdateResult: () => send('PUT', `${one}/result`, { failCode: '00000' }),
      appointDelete: () => send('DELETE', one),
    } as const;
    itMapsEachUpstreamCode(stack, routes);

    it('does not retry a reservation iSales answered with 503', () => expectWriteNotRetried(stack, 'appointCreate', routes.appointCreate));
  });
});
