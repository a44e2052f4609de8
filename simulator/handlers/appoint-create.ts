import type { Appointment } from '../data/records';
import { successBody } from '../envelope';
import { RESULT_CODES } from '../result-codes';
import { optionalText, parseJsonBody, requiredText, ValidationFailure } from '../validation';
import { agentName, MAX_ACCOUNT, MAX_REMARK } from './appointment-input';
import type { OperationDefinition } from './operation';

/** callData: "max 1024 characters" (docs/isales/write-api-notes.md §5). */
const MAX_CALL_DATA = 1024;
/** Digits, `*` and `#` with an optional leading `+`, as blacklisted numbers are (choice: the page gives no rule). */
const CALLED_NUMBER = /^\+?[0-9*#]{1,24}$/;

/** callType is typed int, but the page's own example sends "1" (docs/isales/write-api-notes.md §5): both are accepted. */
function callType(value: unknown): '1' | '2' {
  if (value === undefined || value === null || value === '') throw new ValidationFailure(RESULT_CODES.empty, 'callType');
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  if (text !== '1' && text !== '2') {
    throw new ValidationFailure(RESULT_CODES.parameterError, 'callType', 'must be 1 (manual) or 2 (automatic)');
  }
  return text;
}

/**
 * POST appoint/create {callType, calledNo, userAccount|workNo, taskId, appointTime, callData?, remark?}
 * -> {returnObject: {appointId}} (or {id}, settings.appointCreateIdField). The reservation joins the
 * VDN's appoint/list with no call yet.
 */
export const appointCreate: OperationDefinition = {
  name: 'appointCreate',
  handle({ body, dataset, settings, now, newId }) {
    const input = parseJsonBody(body);
    const type = callType(input.callType);
    const calledNo = requiredText(input, 'calledNo', 64);
    if (!CALLED_NUMBER.test(calledNo)) throw new ValidationFailure(RESULT_CODES.invalidCalledNumber, 'calledNo');
    // "Mandatory in scenarios other than the OP independent deployment"; workNo in that one.
    const userAccount = optionalText(input, 'userAccount', MAX_ACCOUNT) || optionalText(input, 'workNo', MAX_ACCOUNT);
    if (!userAccount) throw new ValidationFailure(RESULT_CODES.empty, 'userAccount');
    const taskId = requiredText(input, 'taskId', 64);
    const appointTime = input.appointTime;
    if (appointTime === undefined || appointTime === null) throw new ValidationFailure(RESULT_CODES.empty, 'appointTime');
    if (typeof appointTime !== 'number' || !Number.isSafeInteger(appointTime)) {
      throw new ValidationFailure(RESULT_CODES.invalidTime, 'appointTime', 'must be epoch milliseconds');
    }
    if (appointTime < now.getTime()) throw new ValidationFailure(RESULT_CODES.invalidTime, 'appointTime', 'must not be in the past');
    optionalText(input, 'callData', MAX_CALL_DATA);
    optionalText(input, 'remark', MAX_REMARK);
    const campaign = dataset.campaigns.find((candidate) => candidate.taskId === taskId);
    if (!campaign) throw new ValidationFailure(RESULT_CODES.campaignNotFound, 'taskId');

    const appointment: Appointment = {
      appointId: newId(),
      callType: type,
      appointTime,
      calledNo,
      taskId,
      taskName: campaign.taskName,
      taskStatus: campaign.taskStatus,
      timeout: false,
      userAccount,
      userName: agentName(dataset, userAccount),
      beginTime: null,
      endTime: null,
      callFlag: '0',
      callerNo: null,
      failCode: null,
      result: null,
      busiResult: null,
      createTime: now.getTime(),
    };
    dataset.appointments.push(appointment);
    return successBody({ returnObject: { [settings.appointCreateIdField]: appointment.appointId } }, settings.envelope);
  },
};
