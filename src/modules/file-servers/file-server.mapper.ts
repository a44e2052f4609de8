import { toOffsetLimit } from '../../upstream/page.query.dto';
import { FileServerQuery, IsalesFileServer, IsalesServerInput } from '../../upstream/isales.types';
import { FileServerDto } from './dto/file-server.dto';
import { FileServerFieldsDto } from './dto/create-file-server.dto';
import { numberOrNull, stringOrNull } from '../../common/mapping/values';

const MAX_PORT = 65535;

/** Server.port is a String (docs/isales/operations.md#queryServer: "22", or null): only a whole number 0..65535 counts as a port. */
function port(raw: unknown): number | null {
  const value = typeof raw === 'string' && !/^\s*\d+\s*$/.test(raw) ? null : numberOrNull(raw);
  return value !== null && Number.isInteger(value) && value >= 0 && value <= MAX_PORT ? value : null;
}

/** Built field by field: whatever else iSales sends (a password, one day) never reaches a client. */
export function toFileServer(server: IsalesFileServer): FileServerDto {
  return {
    id: stringOrNull(server.serverId),
    host: stringOrNull(server.ip),
    port: port(server.port),
    path: stringOrNull(server.filePath),
    username: stringOrNull(server.userName),
  };
}

/** The clean fields as addServer/updateServer's body: port as a String, the password only when given. */
export function toIsalesServer(server: FileServerFieldsDto & { password?: string }): IsalesServerInput {
  return {
    userName: server.username,
    serverInfo: { ip: server.host, port: String(server.port), filePath: server.path },
    ...(server.password !== undefined && { serverPwd: server.password }),
  };
}

/** What a write answers: the server as written (neither iSales' add nor update echoes it), never the password. */
export function toWrittenFileServer(id: string, server: FileServerFieldsDto): FileServerDto {
  return { id, host: server.host, port: server.port, path: server.path, username: server.username };
}

/** The queryServer body of a page, optionally only the servers with these ids. */
export function toFileServerQuery(query: { page: number; pageSize: number; ids?: string[] }): FileServerQuery {
  return { ...toOffsetLimit(query), serverIds: query.ids };
}
