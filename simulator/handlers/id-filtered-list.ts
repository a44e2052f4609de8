import type { VdnDataset } from '../data/records';
import { successBody } from '../envelope';
import { filterByIds, slicePage } from '../paging';
import { optionalIdList, parseJsonBody, requiredInt } from '../validation';
import type { OperationDefinition } from './operation';
import type { OperationName } from '../types';

interface IdFilteredList<T> {
  name: OperationName;
  /** Request field holding the optional id filter, e.g. `serverIds`. */
  idsField: string;
  /** Response field holding the page, e.g. `server`. */
  listField: string;
  rows(dataset: VdnDataset): readonly T[];
  idOf: (row: T) => string;
}

/**
 * The shape two iSales reads share (docs/isales/api-notes.md §1.1, §1.2): POST {offset, limit, <ids>?} answered
 * with {<list>, count}; unknown ids are dropped, count is the total of matches.
 */
export function idFilteredList<T>(spec: IdFilteredList<T>): OperationDefinition {
  return {
    name: spec.name,
    handle({ body, dataset, settings }) {
      const input = parseJsonBody(body);
      const offset = requiredInt(input, 'offset', 0);
      const limit = requiredInt(input, 'limit', 1, 100);
      const ids = optionalIdList(input, spec.idsField, settings.maxIds);
      const matches = filterByIds(spec.rows(dataset), ids, spec.idOf);
      const page = slicePage(matches, offset, limit);
      const payload = settings.dropCount ? { [spec.listField]: page } : { [spec.listField]: page, count: matches.length };
      return successBody(payload, settings.envelope);
    },
  };
}
