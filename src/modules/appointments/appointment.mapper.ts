import { IsalesAppointment } from '../../isales/isales.types';
import { APPOINTMENT_TYPES, AppointmentDto } from './dto/appointment.dto';
import { isoInstantOrNull, stringOrNull } from '../../common/mapping/values';

/** callType "1" manual, "2" automatic (api-notes 2); appoint/create sends it as an int, so 1 and 2 count too. */
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

/** Built field by field; times are epoch ms upstream (seed 003). failCode/result look swapped in the doc (api-notes 1.4). */
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
