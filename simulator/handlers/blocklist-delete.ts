import { successBody } from '../envelope';
import { parseJsonBody } from '../validation';
import { checkNumber } from './blocklist-input';
import type { OperationDefinition } from './operation';

/**
 * POST blocklist/delete {blocklistNo} (docs/isales/next-api-notes.md section 1). The page lists no "not blocked" code,
 * so deleting a number the list does not hold succeeds and changes nothing.
 */
export const blocklistDelete: OperationDefinition = {
  name: 'blocklistDelete',
  handle({ body, dataset, settings }) {
    const number = checkNumber(parseJsonBody(body).blocklistNo, 'blocklistNo');
    dataset.blocklist = dataset.blocklist.filter((entry) => entry.blockNum !== number);
    return successBody({}, settings.envelope);
  },
};

/** DELETE {vdnId}/blocklist, no body: the whole VDN's list (docs/isales/next-api-notes.md section 1). */
export const blocklistDeleteAll: OperationDefinition = {
  name: 'blocklistDeleteAll',
  handle({ dataset, settings }) {
    dataset.blocklist = [];
    return successBody({}, settings.envelope);
  },
};
