import { successBody } from '../envelope';
import type { OperationDefinition } from './operation';
import { findServer } from './server-input';

/** POST file/{serverId}/deleteServer, no body documented (docs/isales/write-api-notes.md §3); any body is ignored. */
export const deleteServer: OperationDefinition = {
  name: 'deleteServer',
  handle({ params, dataset, settings }) {
    const server = findServer(dataset, params.serverId);
    dataset.servers.splice(dataset.servers.indexOf(server), 1);
    return successBody({}, settings.envelope);
  },
};
