import { successBody } from '../envelope';
import { slicePageNumber } from '../paging';
import { requiredQueryInt } from '../validation';
import type { OperationDefinition } from './operation';

/**
 * GET queryBusinessResults?pageSize=&pageNum= -> {data, totalCount} (docs/isales/api-notes.md §1.3).
 * Pages over parents; totalCount counts parents only; any body is ignored.
 */
export const queryBusinessResults: OperationDefinition = {
  name: 'queryBusinessResults',
  handle({ query, dataset, settings }) {
    const pageSize = requiredQueryInt(query, 'pageSize', 1, 50);
    const pageNum = requiredQueryInt(query, 'pageNum', 1, Number.MAX_SAFE_INTEGER);
    const data = slicePageNumber(dataset.businessResults, pageNum, pageSize);
    return successBody({ data, totalCount: dataset.businessResults.length }, settings.envelope, 'queryBusinessResults Success!');
  },
};
