import { toOffsetLimit } from '../../upstream/page.query.dto';
import { ListAppointmentsQueryDto } from './dto/list-appointments.query.dto';
import { AppointmentQuery, IsalesAppointment, IsalesAppointmentChange, IsalesAppointmentInput, IsalesAppointmentResult } from '../../upstream/isales.types';
import { APPOINTMENT_TYPES, AppointmentDto, AppointmentType } from './dto/appointment.dto';
import { isoInstantOrNull, stringOrNull } from '../../common/mapping/values';
import { AppointmentResultDto } from './dto/appointment-result.dto';
import { callDataText } from './dto/call-data';
import { CreateAppointmentDto } from './dto/create-appointment.dto';
import { epochMsOf } from './dto/instant';
import { UpdateAppointmentDto } from './dto/update-appointment.dto';

/** callType "1" manual, "2" automatic (docs/isales/api-notes.md §2); appoint/create sends it as an int, so 1 and 2 count too. */
function type(raw: unknown): string | null {
  const code = stringOrNull(raw);
  if (code === '1' || code === '2') return APPOINTMENT_TYPES[Number(code) - 1];
  return code;
}

/** timeout: true means the reservation has expired; anything not a boolean is unknown. */
function expired(raw: unknown): boolean | null {
  if (typeof raw === 'boolean') return raw;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return null;
}

/**
 * Built field by field; times are epoch ms upstream (docs/isales/operations.md#appointList).
 * failCode/result look swapped in the doc (docs/isales/api-notes.md §1.4).
 */
export function toAppointment(appointment: IsalesAppointment): AppointmentDto {
  return {
    id: stringOrNull(appointment.appointId),
    type: type(appointment.callType),
    appointedAt: isoInstantOrNull(appointment.appointTime),
    calledNumber: stringOrNull(appointment.calledNo),
    callerNumber: stringOrNull(appointment.callerNo),
    expired: expired(appointment.timeout),
    task: {
      id: stringOrNull(appointment.taskId),
      name: stringOrNull(appointment.taskName),
      status: stringOrNull(appointment.taskStatus),
    },
    agent: {
      account: stringOrNull(appointment.userAccount),
      name: stringOrNull(appointment.userName),
    },
    call: {
      startedAt: isoInstantOrNull(appointment.beginTime),
      endedAt: isoInstantOrNull(appointment.endTime),
      flag: stringOrNull(appointment.callFlag),
      failCode: stringOrNull(appointment.failCode),
      result: stringOrNull(appointment.result),
    },
    businessResult: stringOrNull(appointment.busiResult),
    createdAt: isoInstantOrNull(appointment.createTime),
  };
}

/** callType as appoint/create takes it: an int (its table; the example's "1" is accepted too). */
const CALL_TYPES: Readonly<Record<AppointmentType, 1 | 2>> = { manual: 1, automatic: 2 };

/** Times as epoch milliseconds; only what the caller gave, so iSales keeps the rest. */
function epochMsIfGiven(value: string | undefined): number | undefined {
  return value === undefined ? undefined : epochMsOf(value);
}

function definedOnly<T extends object>(body: T): T {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as T;
}

/** appoint/create's body; the agent goes as userAccount (deployments other than OP, docs/isales/write-api-notes.md section 5). */
export function toIsalesAppointment(appointment: CreateAppointmentDto): IsalesAppointmentInput {
  return definedOnly({
    callType: CALL_TYPES[appointment.type],
    calledNo: appointment.calledNumber,
    userAccount: appointment.agent,
    taskId: appointment.taskId,
    appointTime: epochMsOf(appointment.appointedAt),
    callData: appointment.callData === undefined ? undefined : callDataText(appointment.callData),
    remark: appointment.remark,
  });
}

export function toIsalesAppointmentChange(appointId: string, change: UpdateAppointmentDto): IsalesAppointmentChange {
  return definedOnly({
    appointId,
    userAccount: change.agent,
    appointTime: epochMsIfGiven(change.appointedAt),
    remark: change.remark,
  });
}

export function toIsalesAppointmentResult(appointId: string, result: AppointmentResultDto): IsalesAppointmentResult {
  return definedOnly({
    appointId,
    callerNo: result.callerNumber,
    failCode: result.failCode,
    callId: result.callId,
    busiResult: result.businessResult,
    busiSubStatus: result.businessSubStatus,
    beginTime: epochMsIfGiven(result.startedAt),
    endTime: epochMsIfGiven(result.endedAt),
  });
}

/** What a create answers: the reservation as written (iSales returns only its id), with no call yet. */
export function toCreatedAppointment(id: string, appointment: CreateAppointmentDto): AppointmentDto {
  return {
    id,
    type: appointment.type,
    appointedAt: isoInstantOrNull(epochMsOf(appointment.appointedAt)),
    calledNumber: appointment.calledNumber,
    callerNumber: null,
    expired: false,
    task: { id: appointment.taskId, name: null, status: null },
    agent: { account: appointment.agent, name: null },
    call: { startedAt: null, endedAt: null, flag: null, failCode: null, result: null },
    businessResult: null,
    createdAt: null,
  };
}

/** The appoint/list body: absent filters are left out entirely; times go as epoch milliseconds (docs/isales/operations.md#appointList). */
export function toAppointmentQuery(query: ListAppointmentsQueryDto): AppointmentQuery {
  return {
    ...toOffsetLimit(query),
    ...(query.taskId !== undefined && { taskId: query.taskId }),
    ...(query.calledNumber !== undefined && { calledNo: query.calledNumber }),
    ...(query.agents !== undefined && { userAccountList: query.agents }),
    ...(query.from !== undefined && { beginTime: epochMsOf(query.from) }),
    ...(query.to !== undefined && { endTime: epochMsOf(query.to) }),
  };
}
