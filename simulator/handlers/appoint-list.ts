import type { Appointment } from '../data/records';
import { successBody } from '../envelope';
import { slicePage } from '../paging';
import { RESULT_CODES } from '../result-codes';
import { optionalInt, optionalString, optionalStringList, parseJsonBody, requiredInt, ValidationFailure } from '../validation';
import type { OperationDefinition } from './operation';

interface AppointmentFilter {
  taskId?: string;
  calledNo?: string;
  userAccounts?: readonly string[];
  beginTime?: number;
  endTime?: number;
}

function matches(appointment: Appointment, filter: AppointmentFilter): boolean {
  if (filter.taskId !== undefined && appointment.taskId !== filter.taskId) return false;
  if (filter.calledNo !== undefined && appointment.calledNo !== filter.calledNo) return false;
  if (filter.userAccounts?.length && !filter.userAccounts.includes(appointment.userAccount)) return false;
  if (filter.beginTime !== undefined && appointment.appointTime < filter.beginTime) return false;
  if (filter.endTime !== undefined && appointment.appointTime > filter.endTime) return false;
  return true;
}

/**
 * POST appoint/list {offset, limit, calledNo?, userAccountList?, beginTime?, endTime?, taskId?} -> {data, totalCount}
 * (docs/isales/api-notes.md §1.4). beginTime/endTime are epoch ms bounding appointTime, both inclusive.
 */
export const appointList: OperationDefinition = {
  name: 'appointList',
  handle({ body, dataset, settings }) {
    const input = parseJsonBody(body);
    const offset = requiredInt(input, 'offset', 0);
    // The page documents no range for limit; the simulator applies the family's 1..100.
    const limit = requiredInt(input, 'limit', 1, 100);
    const filter: AppointmentFilter = {
      calledNo: optionalString(input, 'calledNo'),
      userAccounts: optionalStringList(input, 'userAccountList', settings.maxIds),
      beginTime: optionalInt(input, 'beginTime', 0),
      endTime: optionalInt(input, 'endTime', 0),
      taskId: optionalString(input, 'taskId'),
    };
    if (filter.beginTime !== undefined && filter.endTime !== undefined && filter.beginTime > filter.endTime) {
      throw new ValidationFailure(RESULT_CODES.invalidTime, 'beginTime', 'must not be after endTime');
    }
    const found = dataset.appointments.filter((appointment) => matches(appointment, filter));
    return successBody({ data: slicePage(found, offset, limit), totalCount: found.length }, settings.envelope);
  },
};
