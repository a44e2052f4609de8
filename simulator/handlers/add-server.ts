import { successBody } from '../envelope';
import { parseJsonBody, ValidationFailure } from '../validation';
import { RESULT_CODES } from '../result-codes';
import type { OperationDefinition } from './operation';
import { checkUnique, isServerInput, parseServerInput } from './server-input';

/**
 * POST file/addServer {userName, serverPwd, serverInfo: {ip, port, filePath}} -> {serverId}
 * (docs/isales/write-api-notes.md §1). serverId is a top-level field. The password is checked and then forgotten:
 * queryServer never returns one.
 */
export const addServer: OperationDefinition = {
  name: 'addServer',
  handle({ body, dataset, settings, newId }) {
    const input = parseServerInput(parseJsonBody(body));
    if (!isServerInput(input)) return input;
    if (input.serverPwd === undefined) throw new ValidationFailure(RESULT_CODES.empty, 'serverPwd');
    checkUnique(dataset, input);
    const serverId = newId();
    dataset.servers.push({ port: input.port, ip: input.ip, filePath: input.filePath, userName: input.userName, serverId });
    return successBody({ serverId }, settings.envelope);
  },
};
