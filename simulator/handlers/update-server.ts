import { successBody } from '../envelope';
import { RESULT_CODES } from '../result-codes';
import { parseJsonBody, ValidationFailure } from '../validation';
import type { OperationDefinition } from './operation';
import { checkUnique, findServer, isServerInput, parseServerInput } from './server-input';

/**
 * POST file/{serverId}/updateServer: a full replacement (every field but serverPwd is mandatory),
 * and "if the IP address needs to be changed, the password must be transferred" (docs/isales/write-api-notes.md §2).
 * The page's error table was only partly retrieved: an unknown server answers 0200006 as on
 * deleteServer, the missing password 0200001 (choices).
 */
export const updateServer: OperationDefinition = {
  name: 'updateServer',
  handle({ body, params, dataset, settings }) {
    const server = findServer(dataset, params.serverId);
    const input = parseServerInput(parseJsonBody(body));
    if (!isServerInput(input)) return input;
    if (input.ip !== server.ip && input.serverPwd === undefined) {
      throw new ValidationFailure(RESULT_CODES.parameterError, 'serverPwd', 'mandatory when the IP address changes');
    }
    checkUnique(dataset, input, server);
    Object.assign(server, { port: input.port, ip: input.ip, filePath: input.filePath, userName: input.userName });
    return successBody({}, settings.envelope);
  },
};
