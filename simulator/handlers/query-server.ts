import { idFilteredList } from './id-filtered-list';

/** POST file/queryServer {offset, limit, serverIds?} -> {server, count} (docs/isales/api-notes.md §1.2). */
export const queryServer = idFilteredList({
  name: 'queryServer',
  idsField: 'serverIds',
  listField: 'server',
  rows: (dataset) => dataset.servers,
  idOf: (server) => server.serverId,
});
