import { FileServerDto } from './dto/file-server.dto';

/** queryServer's (docs/isales/operations.md#queryServer) five example records, normalised (the mapper spec proves the two agree). */
export const FILE_SERVER_EXAMPLES: readonly FileServerDto[] = [
  { id: '164681924997097701747271557174', host: null, port: null, path: null, username: '10' },
  { id: '164690088271159234793429225848', host: '10.21.124.175', port: 22, path: '/home/sftp', username: 'isales' },
  { id: '164697340198671566909690908237', host: '192.168.0.1', port: 22, path: '/home/sftp', username: 'huawei' },
  { id: '164765479785832713595318363505', host: '1.1.1.1', port: 8888, path: '/sftp/file', username: 'isales' },
  { id: '164765490069279981932006087306', host: '10.1.1.1', port: 22, path: '/home/sftp', username: 'zhangsan' },
];

/** queryServer's (docs/isales/operations.md#queryServer) second record: the first complete one. */
export const FILE_SERVER_EXAMPLE: FileServerDto = FILE_SERVER_EXAMPLES[1];
