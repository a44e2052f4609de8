import { successBody } from '../envelope';
import { RESULT_CODES } from '../result-codes';
import { ValidationFailure } from '../validation';
import type { OperationDefinition } from './operation';

/**
 * GET callresultdetail/{callId} (docs/isales/call-results-choices.md §2): no body; the call's record in
 * `data`, its desc the page example's "Query Success!". An unknown call answers success without
 * `data` (the page does not say; choice).
 */
export const callResultDetail: OperationDefinition = {
  name: 'callResultDetail',
  handle({ params, dataset, settings }) {
    let callId: string;
    try {
      callId = decodeURIComponent(params.callId);
    } catch {
      throw new ValidationFailure(RESULT_CODES.parameterError, 'callId', 'not a valid path segment');
    }
    const record = dataset.callResults.find((candidate) => candidate.callId === callId);
    return successBody(record ? { data: record } : {}, settings.envelope, 'Query Success!');
  },
};
