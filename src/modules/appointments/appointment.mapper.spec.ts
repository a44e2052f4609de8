import { SEED_EXAMPLES } from '../../../simulator/data/seed-vdn1';
import { toAppointment, toCreatedAppointment, toIsalesAppointment, toIsalesAppointmentChange, toIsalesAppointmentResult } from './appointment.mapper';
import { APPOINTMENT_EXAMPLE } from './appointment.example';
import { IsalesAppointment } from '../../upstream/isales.types';

// appointList's (docs/isales/operations.md#appointList) example record, as the simulator serves it.
const seed = SEED_EXAMPLES.appointment;

/** A record as iSales might send it, with types the wire type does not allow. */
const asSentByIsales = (record: Record<string, unknown>) => record as unknown as IsalesAppointment;

describe('toAppointment', () => {
  it('normalises the seed example', () => {
    expect(toAppointment(seed)).toEqual(APPOINTMENT_EXAMPLE);
  });

  it.each([
    ['1', 'manual'],
    ['2', 'automatic'],
    [1, 'manual'],
    ['3', '3'],
    ['', ''],
    [null, null],
  ])('maps callType %j to %j', (raw, expected) => {
    expect(toAppointment(asSentByIsales({ ...seed, callType: raw })).type).toBe(expected);
  });

  it('passes opaque codes through as they come', () => {
    const appointment = toAppointment({ ...seed, taskStatus: '9', callFlag: '7', failCode: '34611', result: 'OB99999' });
    expect(appointment.task.status).toBe('9');
    expect(appointment.call).toMatchObject({ flag: '7', failCode: '34611', result: 'OB99999' });
  });

  it.each([
    [true, true],
    [false, false],
    ['false', false],
    [null, null],
    [undefined, null],
    ['maybe', null],
  ])('maps timeout %j to expired %j', (raw, expected) => {
    expect(toAppointment(asSentByIsales({ ...seed, timeout: raw })).expired).toBe(expected);
  });

  it('keeps nulls and missing fields as null, with the nested objects still there', () => {
    const nulls = Object.fromEntries(Object.keys(seed).map((key) => [key, null]));
    const expected = {
      id: null,
      type: null,
      appointedAt: null,
      calledNumber: null,
      callerNumber: null,
      expired: null,
      task: { id: null, name: null, status: null },
      agent: { account: null, name: null },
      call: { startedAt: null, endedAt: null, flag: null, failCode: null, result: null },
      businessResult: null,
      createdAt: null,
    };
    expect(toAppointment(nulls)).toEqual(expected);
    expect(toAppointment({})).toEqual(expected);
  });

  it('keeps a 30-digit id as the same string and leading zeros of codes', () => {
    const appointment = toAppointment({ ...seed, appointId: '999999999999999999999999999999', failCode: '00000' });
    expect(appointment.id).toBe('999999999999999999999999999999');
    expect(appointment.call.failCode).toBe('00000');
  });

  it('drops fields it does not know', () => {
    const appointment = toAppointment(asSentByIsales({ ...seed, customerName: 'someone', extra: 1 }));
    expect(Object.keys(appointment)).not.toContain('customerName');
    expect(JSON.stringify(appointment)).not.toContain('someone');
  });
});

describe('appointment writes as iSales bodies', () => {
  const input = {
    type: 'automatic' as const,
    calledNumber: '66660001',
    agent: '116',
    taskId: '1106025109',
    appointedAt: '2025-06-02T18:00:00+08:00',
    callData: { fullName: '林子航' },
    remark: 'remark备注',
  };

  it('creates with callType as an int, epoch milliseconds and callData as JSON text', () => {
    expect(toIsalesAppointment(input)).toEqual({
      callType: 2,
      calledNo: '66660001',
      userAccount: '116',
      taskId: '1106025109',
      appointTime: 1748858400000,
      callData: '{"fullName":"林子航"}',
      remark: 'remark备注',
    });
    expect(toIsalesAppointment({ ...input, type: 'manual', callData: undefined, remark: undefined })).toEqual({
      callType: 1,
      calledNo: '66660001',
      userAccount: '116',
      taskId: '1106025109',
      appointTime: 1748858400000,
    });
    expect(toIsalesAppointment({ ...input, callData: '{"a":1}' }).callData).toBe('{"a":1}');
  });

  it('sends only what a change or a result gives', () => {
    expect(toIsalesAppointmentChange('1', { remark: 'x' })).toEqual({ appointId: '1', remark: 'x' });
    expect(toIsalesAppointmentChange('1', { agent: '117', appointedAt: '2025-05-15T09:48:43Z' })).toEqual({
      appointId: '1',
      userAccount: '117',
      appointTime: 1747302523000,
    });
    expect(toIsalesAppointmentResult('1', { failCode: '00604', businessResult: 'a', businessSubStatus: 'b', startedAt: '2025-05-15T09:48:33Z' })).toEqual({
      appointId: '1',
      failCode: '00604',
      busiResult: 'a',
      busiSubStatus: 'b',
      beginTime: 1747302513000,
    });
  });

  it('answers a create with the reservation as written and no call yet', () => {
    expect(toCreatedAppointment('42', input)).toEqual({
      id: '42',
      type: 'automatic',
      appointedAt: '2025-06-02T10:00:00.000Z',
      calledNumber: '66660001',
      callerNumber: null,
      expired: false,
      task: { id: '1106025109', name: null, status: null },
      agent: { account: '116', name: null },
      call: { startedAt: null, endedAt: null, flag: null, failCode: null, result: null },
      businessResult: null,
      createdAt: null,
    });
  });
});
