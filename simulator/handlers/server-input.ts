import type { FileServer, VdnDataset } from '../data/records';
import type { ResponseBody } from '../envelope';
import { RESULT_CODES } from '../result-codes';
import { checkCharacters, type JsonObject, optionalText, requiredObject, requiredText, ValidationFailure } from '../validation';

/** addServer's precaution, zh list (docs/isales/write-api-notes.md §1): characters a user name must not contain. */
const USERNAME_FORBIDDEN = /[`~!@#$%^&*()+=|{}'":;<>/?.\\[\]！¥￥…（）—【】‘’“”；：，、？]/;
const MAX_USERNAME = 30;
const MIN_PASSWORD = 8;
const MAX_PASSWORD = 80;
/** Lengths the pages do not give (choice). */
const MAX_HOST = 255;
const MAX_PATH = 255;

/**
 * addServer's only error example (docs/isales/write-api-notes.md §1), verbatim: `description` instead of
 * resultDesc, and no returnCode.
 */
export const PASSWORD_LENGTH_ERROR: ResponseBody = { resultCode: RESULT_CODES.lengthOutOfRange, description: ' 参数长度需要介于8和80之间' };

export interface ServerInput {
  userName: string;
  serverPwd?: string;
  ip: string;
  port: string;
  filePath: string;
}

/** The body addServer and updateServer share: `{userName, serverPwd, serverInfo: {ip, port, filePath}}`. */
export function parseServerInput(input: JsonObject): ServerInput | ResponseBody {
  const userName = checkCharacters(requiredText(input, 'userName', MAX_USERNAME), 'userName', USERNAME_FORBIDDEN);
  const serverPwd = optionalText(input, 'serverPwd', Number.MAX_SAFE_INTEGER);
  if (serverPwd !== undefined && serverPwd !== '' && (serverPwd.length < MIN_PASSWORD || serverPwd.length > MAX_PASSWORD)) {
    return PASSWORD_LENGTH_ERROR;
  }
  const serverInfo = requiredObject(input, 'serverInfo');
  const ip = checkCharacters(requiredText(serverInfo, 'ip', MAX_HOST), 'serverInfo.ip', /[^0-9A-Za-z.:-]/);
  const port = serverInfo.port;
  if (port === undefined || port === null || port === '') throw new ValidationFailure(RESULT_CODES.empty, 'serverInfo.port');
  // A String on the page ("22"); a JSON number is the wrong type.
  if (typeof port !== 'string') throw new ValidationFailure(RESULT_CODES.wrongType, 'serverInfo.port', 'must be a string');
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    throw new ValidationFailure(RESULT_CODES.wrongValue, 'serverInfo.port', 'must be a port from 1 to 65535');
  }
  const filePath = requiredText(serverInfo, 'filePath', MAX_PATH);
  return { userName, serverPwd: serverPwd || undefined, ip, port, filePath };
}

export function isServerInput(value: ServerInput | ResponseBody): value is ServerInput {
  return typeof (value as ServerInput).userName === 'string' && typeof (value as ServerInput).ip === 'string';
}

/** "The server information must be unique in the same tenant space" (addServer); no code given, so 0200001 (choice). */
export function checkUnique(dataset: VdnDataset, input: ServerInput, except?: FileServer): void {
  const clash = dataset.servers.some(
    (server) =>
      server !== except && server.ip === input.ip && server.port === input.port && server.userName === input.userName && server.filePath === input.filePath,
  );
  if (clash) throw new ValidationFailure(RESULT_CODES.parameterError, 'serverInfo', 'the same server already exists in this tenant space');
}

/** A path `{serverId}`: digits only, else 0200001; unknown -> 0200006 "server configuration does not exist" (deleteServer). */
export function findServer(dataset: VdnDataset, serverId: string): FileServer {
  if (!/^\d{1,64}$/.test(serverId)) throw new ValidationFailure(RESULT_CODES.parameterError, 'serverId');
  const server = dataset.servers.find((candidate) => candidate.serverId === serverId);
  if (!server) throw new ValidationFailure(RESULT_CODES.serverNotFound, 'serverId', 'the server configuration does not exist');
  return server;
}
