import { successBody } from '../envelope';
import { filterByIds, slicePage } from '../paging';
import { optionalIdList, parseJsonBody, requiredInt } from '../validation';
import type { OperationDefinition } from './operation';

/** POST blackfile/queryDataImportTask {offset, limit, importTaskIds?} -> {result, count} (api-notes §1.1). */
export const queryDataImportTask: OperationDefinition = {
  name: 'queryDataImportTask',
  method: 'POST',
  pathSuffix: 'blackfile/queryDataImportTask',
  handle({ body, dataset, settings }) {
    const input = parseJsonBody(body);
    const offset = requiredInt(input, 'offset', 0);
    const limit = requiredInt(input, 'limit', 1, 100);
    const ids = optionalIdList(input, 'importTaskIds', settings.maxIds);
    const matches = filterByIds(dataset.importTasks, ids, (task) => task.id);
    const page = slicePage(matches, offset, limit);
    const payload = settings.dropCount ? { result: page } : { result: page, count: matches.length };
    return successBody(payload, settings.envelope);
  },
};
