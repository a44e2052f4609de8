import { successBody } from '../envelope';
import { RESULT_CODES } from '../result-codes';
import { optionalText, optionalTimestamp, parseJsonBody, ValidationFailure } from '../validation';
import { agentName, findAppointment, MAX_ACCOUNT, MAX_REMARK } from './appointment-input';
import type { OperationDefinition } from './operation';

/**
 * POST appoint/update {appointId, userAccount?, workNo?, appointTime?, remark?} (docs/isales/write-api-notes.md §6).
 * "A reserved automatic outbound call cannot be modified": the page has no code for it, so 0200001
 * with the reason in resultDesc (choice); likewise a time in the past (the page lists no 04000001).
 */
export const appointUpdate: OperationDefinition = {
  name: 'appointUpdate',
  handle({ body, dataset, settings, now }) {
    const input = parseJsonBody(body);
    const appointment = findAppointment(dataset, input);
    if (appointment.callType === '2') {
      throw new ValidationFailure(RESULT_CODES.parameterError, 'appointId', 'a reserved automatic outbound call cannot be modified');
    }
    const userAccount = optionalText(input, 'userAccount', MAX_ACCOUNT) || optionalText(input, 'workNo', MAX_ACCOUNT);
    const appointTime = optionalTimestamp(input, 'appointTime');
    if (appointTime !== undefined && appointTime < now.getTime()) {
      throw new ValidationFailure(RESULT_CODES.parameterError, 'appointTime', 'must not be in the past');
    }
    optionalText(input, 'remark', MAX_REMARK);
    if (userAccount) Object.assign(appointment, { userAccount, userName: agentName(dataset, userAccount) });
    if (appointTime !== undefined) appointment.appointTime = appointTime;
    return successBody({}, settings.envelope, 'update success');
  },
};
