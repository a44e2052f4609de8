import type { VdnDataset } from '../data/records';
import { successBody } from '../envelope';
import { RESULT_CODES } from '../result-codes';
import { optionalText, parseJsonBody, requiredText, ValidationFailure } from '../validation';
import type { OperationDefinition } from './operation';

const MAX_CODE = 50;
/** The page gives busiResultDesc and workNo no limit; the simulator's (choice). */
const MAX_DESCRIPTION = 1024;
const MAX_WORK_NO = 64;
const INT_MAX = 2147483647;

/** dataId is an int in the path: anything else is 0200001. */
function dataIdOf(raw: string): number {
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= INT_MAX)) throw new ValidationFailure(RESULT_CODES.parameterError, 'dataId', 'must be an int');
  return value;
}

/**
 * A subStatus must be a child of its busiResult when the VDN's tree holds that result (0200034). A
 * busiResult the tree does not hold is taken as it is, as the page's own example's codes are: the
 * page lists no code for it (choice).
 */
function checkBusinessResult(dataset: VdnDataset, code: string, subCode: string | undefined): void {
  const parent = dataset.businessResults.find((candidate) => candidate.code === code);
  if (parent && subCode !== undefined && !parent.children.some((child) => child.code === subCode)) {
    throw new ValidationFailure(RESULT_CODES.subStatusMismatch, 'subStatus');
  }
}

/**
 * POST callBusiResult/{dataId} {busiResult, subStatus?, busiResultDesc?, workNo?}
 * (docs/isales/call-results-choices.md §3): replaces the data's business result; the answer is
 * resultCode/resultDesc only.
 */
export const callBusiResult: OperationDefinition = {
  name: 'callBusiResult',
  handle({ params, body, dataset }) {
    const dataId = dataIdOf(params.dataId);
    const input = parseJsonBody(body);
    const busiResult = requiredText(input, 'busiResult', MAX_CODE);
    const subStatus = optionalText(input, 'subStatus', MAX_CODE);
    const busiResultDesc = optionalText(input, 'busiResultDesc', MAX_DESCRIPTION);
    const workNo = optionalText(input, 'workNo', MAX_WORK_NO);
    const record = dataset.callData.find((candidate) => candidate.dataId === dataId);
    if (!record) throw new ValidationFailure(RESULT_CODES.callDataNotFound, 'dataId');
    checkBusinessResult(dataset, busiResult, subStatus);
    Object.assign(record, { busiResult, subStatus: subStatus ?? null, busiResultDesc: busiResultDesc ?? null, workNo: workNo ?? null });
    // The page's answer holds resultCode and resultDesc only, whatever the sibling pages send.
    return successBody({}, { dropReturnCode: true }, 'The business result is written back successfully.');
  },
};
