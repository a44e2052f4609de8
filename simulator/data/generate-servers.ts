import { seededRandom, thirtyDigitId } from './prng';
import type { FileServer } from './records';

const FIRST_CREATED_MS = Date.UTC(2022, 2, 9, 9, 47, 29);
const PORTS = ['22', '22', '22', '2222', '8888'];
const PATHS = ['/home/sftp', '/sftp/file', '/data/isales/import'];
const USERS = ['isales', 'sftpuser', 'huawei', 'ops', 'zhangsan'];

/** Like docs/isales/operations.md#queryServer, some servers have null port, ip and filePath. */
export function generateServers(vdnId: number, count: number): FileServer[] {
  const servers: FileServer[] = [];
  for (let index = 0; index < count; index++) {
    const random = seededRandom(vdnId, 'server', index);
    const createdMs = FIRST_CREATED_MS + index * 86_400_000 + random.int(0, 86_399) * 1000;
    const incomplete = random.int(0, 7) === 0;
    const ip = `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
    const port = random.pick(PORTS);
    const filePath = random.pick(PATHS);
    const userName = random.pick(USERS);
    servers.push({
      port: incomplete ? null : port,
      ip: incomplete ? null : ip,
      filePath: incomplete ? null : filePath,
      userName,
      serverId: thirtyDigitId(createdMs, vdnId, index, random),
    });
  }
  return servers;
}
