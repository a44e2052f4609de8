import { successBody } from '../envelope';
import { filterByIds, slicePage } from '../paging';
import { optionalIdList, parseJsonBody, requiredInt } from '../validation';
import type { OperationDefinition } from './operation';

/** POST file/queryServer {offset, limit, serverIds?} -> {server, count} (api-notes §1.2). */
export const queryServer: OperationDefinition = {
  name: 'queryServer',
  method: 'POST',
  pathSuffix: 'file/queryServer',
  handle({ body, dataset, settings }) {
    const input = parseJsonBody(body);
    const offset = requiredInt(input, 'offset', 0);
    const limit = requiredInt(input, 'limit', 1, 100);
    const ids = optionalIdList(input, 'serverIds', settings.maxIds);
    const matches = filterByIds(dataset.servers, ids, (server) => server.serverId);
    const page = slicePage(matches, offset, limit);
    const payload = settings.dropCount ? { server: page } : { server: page, count: matches.length };
    return successBody(payload, settings.envelope);
  },
};
