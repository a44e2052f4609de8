import { successBody } from '../envelope';
import { slicePage } from '../paging';
import { RESULT_CODES } from '../result-codes';
import { parseJsonBody, requiredInt, ValidationFailure } from '../validation';
import { checkNumber, isValid } from './blocklist-input';
import type { OperationDefinition } from './operation';

const MAX_QUERIED = 20;

/**
 * POST blocklist/query {offset, limit} or {blocklist} (docs/isales/next-api-notes.md section 1): exactly one of the two,
 * else 02000009. With `blocklist`, only those numbers come back, with `flag` (valid or not); `data` is a list.
 */
export const blocklistQuery: OperationDefinition = {
  name: 'blocklistQuery',
  handle({ body, dataset, settings, now }) {
    const input = parseJsonBody(body);
    const paged = input.offset !== undefined || input.limit !== undefined;
    const listed = input.blocklist !== undefined && input.blocklist !== null;
    if (paged === listed) throw new ValidationFailure(RESULT_CODES.wrongCombination, 'blocklist', 'exactly one of offset/limit or blocklist');
    if (listed) {
      const numbers = input.blocklist;
      if (!Array.isArray(numbers)) throw new ValidationFailure(RESULT_CODES.parameterError, 'blocklist', 'must be a list');
      if (numbers.length > MAX_QUERIED) throw new ValidationFailure(RESULT_CODES.tooMany, 'blocklist', `at most ${MAX_QUERIED} numbers`);
      const wanted = new Set(numbers.map((number) => checkNumber(number, 'blocklist')));
      const data = dataset.blocklist
        .filter((entry) => wanted.has(entry.blockNum))
        .map((entry) => ({ validityExpirationTime: entry.validityExpirationTime, blockNum: entry.blockNum, flag: isValid(entry, now) }));
      return successBody({ totalCount: data.length, data }, settings.envelope);
    }
    const offset = requiredInt(input, 'offset', 0);
    const limit = requiredInt(input, 'limit', 1, 100);
    const data = slicePage(dataset.blocklist, offset, limit).map((entry) => ({
      validityExpirationTime: entry.validityExpirationTime,
      blockNum: entry.blockNum,
    }));
    return successBody({ totalCount: dataset.blocklist.length, data }, settings.envelope);
  },
};
