import { toFileServer, toIsalesServer, toWrittenFileServer } from './file-server.mapper';
import { FILE_SERVER_EXAMPLE, FILE_SERVER_EXAMPLES } from './file-server.example';
import { IsalesFileServer } from '../../upstream/isales.types';

/** A record as iSales might send it, types and extra fields included, which the wire type does not allow. */
const asSentByIsales = (record: Record<string, unknown>) => record as unknown as IsalesFileServer;

// queryServer's (docs/isales/operations.md#queryServer) example records, verbatim (the first one really has null port, ip and filePath).
const seed = [
  { port: null, ip: null, filePath: null, userName: '10', serverId: '164681924997097701747271557174' },
  { port: '22', ip: '10.21.124.175', filePath: '/home/sftp', userName: 'isales', serverId: '164690088271159234793429225848' },
  { port: '22', ip: '192.168.0.1', filePath: '/home/sftp', userName: 'huawei', serverId: '164697340198671566909690908237' },
  { port: '8888', ip: '1.1.1.1', filePath: '/sftp/file', userName: 'isales', serverId: '164765479785832713595318363505' },
  { port: '22', ip: '10.1.1.1', filePath: '/home/sftp', userName: 'zhangsan', serverId: '164765490069279981932006087306' },
];

describe('toFileServer', () => {
  it('normalises the five seed examples', () => {
    expect(seed.map(toFileServer)).toEqual(FILE_SERVER_EXAMPLES);
    expect(toFileServer(seed[1])).toEqual({
      id: '164690088271159234793429225848',
      host: '10.21.124.175',
      port: 22,
      path: '/home/sftp',
      username: 'isales',
    });
    expect(FILE_SERVER_EXAMPLE).toEqual(FILE_SERVER_EXAMPLES[1]);
  });

  it('keeps the seed record with nulls as nulls', () => {
    expect(toFileServer(seed[0])).toEqual({
      id: '164681924997097701747271557174',
      host: null,
      port: null,
      path: null,
      username: '10',
    });
  });

  it.each([
    ['22', 22],
    ['8888', 8888],
    [' 2222 ', 2222],
    ['', null],
    ['ssh', null],
    ['22a', null],
    ['0x16', null],
    ['2.5', null],
    ['-22', null],
    ['70000', null],
    [22, 22],
    [null, null],
    [undefined, null],
  ])('maps port %j to %j', (raw, expected) => {
    expect(toFileServer(asSentByIsales({ ...seed[1], port: raw })).port).toBe(expected);
  });

  it('turns missing fields into null', () => {
    expect(toFileServer({})).toEqual({ id: null, host: null, port: null, path: null, username: null });
  });

  it('drops fields it does not know, a password above all', () => {
    const server = toFileServer(asSentByIsales({ ...seed[1], password: 'S3cret!', pwd: 'S3cret!' }));
    expect(Object.keys(server).sort()).toEqual(['host', 'id', 'path', 'port', 'username']);
    expect(JSON.stringify(server)).not.toContain('S3cret');
  });

  it('keeps a 30-digit id as the same string', () => {
    expect(toFileServer({ serverId: '999999999999999999999999999999' }).id).toBe('999999999999999999999999999999');
  });
});

describe('file-server writes as iSales bodies', () => {
  const server = { host: '1.2.3.4', port: 22, path: '/home/sftp', username: 'zhangsan' };

  it('sends the port as a String and the password only when given (the page\u2019s example shape)', () => {
    expect(toIsalesServer({ ...server, password: 'S3cret-pw' })).toEqual({
      userName: 'zhangsan',
      serverInfo: { ip: '1.2.3.4', port: '22', filePath: '/home/sftp' },
      serverPwd: 'S3cret-pw',
    });
    expect(toIsalesServer(server)).toEqual({ userName: 'zhangsan', serverInfo: { ip: '1.2.3.4', port: '22', filePath: '/home/sftp' } });
  });

  it('answers a write with the server as written, never the password', () => {
    const written = toWrittenFileServer('42', Object.assign({ password: 'S3cret-pw' }, server));
    expect(written).toEqual({ id: '42', ...server });
    expect(JSON.stringify(written)).not.toContain('S3cret');
  });
});
