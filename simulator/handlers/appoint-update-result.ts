import type { VdnDataset } from '../data/records';
import { successBody } from '../envelope';
import { RESULT_CODES } from '../result-codes';
import { optionalText, optionalTimestamp, parseJsonBody, ValidationFailure } from '../validation';
import { findAppointment } from './appointment-input';
import type { OperationDefinition } from './operation';

const MAX_FIELD = 64;

/**
 * busiResult and busiSubStatus are business-result ids (codes); appoint/list shows the result by
 * its names, "parent > child" (docs/isales/operations.md#appointList). An unknown code, or a child of another parent, is 0200001 (choice).
 */
function businessResultPath(dataset: VdnDataset, code: string | undefined, subCode: string | undefined): string | undefined {
  if (code === undefined) {
    if (subCode !== undefined) throw new ValidationFailure(RESULT_CODES.parameterError, 'busiSubStatus', 'needs busiResult');
    return undefined;
  }
  const parent = dataset.businessResults.find((candidate) => candidate.code === code);
  if (!parent) throw new ValidationFailure(RESULT_CODES.parameterError, 'busiResult', 'no such business result');
  if (subCode === undefined) return parent.name;
  const child = parent.children.find((candidate) => candidate.code === subCode);
  if (!child) throw new ValidationFailure(RESULT_CODES.parameterError, 'busiSubStatus', 'not a sub-result of busiResult');
  return `${parent.name} > ${child.name}`;
}

/**
 * POST appoint/updateResult {appointId, userAccount?, workNo?, callerNo?, failCode?, callId?,
 * busiResult?, busiSubStatus?, beginTime?, endTime?} (docs/isales/write-api-notes.md §7). Once a beginTime is
 * written, the call counts as made (appoint/delete then answers 04000005).
 */
export const appointUpdateResult: OperationDefinition = {
  name: 'appointUpdateResult',
  handle({ body, dataset, settings }) {
    const input = parseJsonBody(body);
    const appointment = findAppointment(dataset, input);
    const callerNo = optionalText(input, 'callerNo', MAX_FIELD);
    const failCode = optionalText(input, 'failCode', MAX_FIELD);
    optionalText(input, 'callId', MAX_FIELD);
    const busiResult = businessResultPath(dataset, optionalText(input, 'busiResult', MAX_FIELD), optionalText(input, 'busiSubStatus', MAX_FIELD));
    const beginTime = optionalTimestamp(input, 'beginTime');
    const endTime = optionalTimestamp(input, 'endTime');
    if (beginTime !== undefined && endTime !== undefined && beginTime > endTime) {
      throw new ValidationFailure(RESULT_CODES.parameterError, 'beginTime', 'must not be after endTime');
    }
    if (callerNo !== undefined) appointment.callerNo = callerNo;
    if (failCode !== undefined) appointment.failCode = failCode;
    if (busiResult !== undefined) appointment.busiResult = busiResult;
    if (beginTime !== undefined) appointment.beginTime = beginTime;
    if (endTime !== undefined) appointment.endTime = endTime;
    return successBody({}, settings.envelope);
  },
};
