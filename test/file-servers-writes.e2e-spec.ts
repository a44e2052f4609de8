import { ISALES_ERROR_TABLES, OUTCOME_STATUS } from '../src/upstream/operations.catalogue';
import { FILE_SERVER_EXAMPLE } from '../src/modules/file-servers/file-server.example';
import { FileServerDto } from '../src/modules/file-servers/dto/file-server.dto';
import { ProblemDetails } from '../src/common/errors/problem';
import { useStack } from './support/harness';
import { createdThrough, jsonInit } from './support/json-request';
import { expectRejectedBeforeUpstream, expectUpstreamCodeMapped } from './support/problem-expectations';

const SERVERS = '/api/v1/vdns/1/file-servers';
const PASSWORD = 'Pa55-word-never-echoed';
const NEW_SERVER = { host: '10.30.40.50', port: 2222, path: '/home/upload', username: 'uploader', password: PASSWORD };

describe('file-server writes (gateway + simulator over HTTP)', () => {
  const stack = useStack();
  const send = (method: string, path: string, body?: unknown) => stack.request(path, jsonInit(method, body));
  const json = async <T>(response: Response) => (await response.json()) as T;
  const operations = () => stack.simulator.requests.map((r) => r.operation);

  /** A fresh server in VDN 1, created straight in the simulator's state through the gateway. */
  const created = (overrides: Partial<typeof NEW_SERVER> = {}) =>
    createdThrough<FileServerDto>(stack, SERVERS, { ...NEW_SERVER, username: `u${Date.now() % 1e9}`, ...overrides });

  describe('POST /vdns/{vdnId}/file-servers', () => {
    it('creates the server (201, Location, never the password) and the next read lists it', async () => {
      const response = await send('POST', SERVERS, NEW_SERVER);
      expect(response.status).toBe(201);
      const text = await response.text();
      expect(text).not.toContain(PASSWORD);
      const server = JSON.parse(text) as FileServerDto;
      expect(server).toEqual({ id: expect.stringMatching(/^\d{30}$/), host: '10.30.40.50', port: 2222, path: '/home/upload', username: 'uploader' });
      expect(response.headers.get('location')).toBe(`${SERVERS}/${server.id}`);
      expect(stack.upstreamBodies('addServer')).toEqual([
        { userName: 'uploader', serverInfo: { ip: '10.30.40.50', port: '2222', filePath: '/home/upload' }, serverPwd: PASSWORD },
      ]);

      const read = await stack.get(response.headers.get('location')!);
      expect(await json(read)).toEqual(server);
      const list = await json<{ items: FileServerDto[] }>(await stack.get(SERVERS));
      expect(list.items).toContainEqual(server);
    });

    it('answers iSales\u2019 uniqueness refusal as a 400 with its code', async () => {
      const server = await created();
      const response = await send('POST', SERVERS, { ...NEW_SERVER, username: server.username! });
      expect(response.status).toBe(400);
      expect((await json<ProblemDetails>(response)).upstream).toMatchObject({ code: '0200001' });
    });
  });

  describe('PUT /vdns/{vdnId}/file-servers/{serverId}', () => {
    it('replaces the settings after reading the server; the password may stay out when host is unchanged', async () => {
      const server = await created();
      const change = { host: server.host!, port: 22, path: '/srv/in', username: 'renamed' };
      const response = await send('PUT', `${SERVERS}/${server.id}`, change);
      expect(response.status).toBe(200);
      expect(await json(response)).toEqual({ id: server.id, ...change });
      expect(operations()).toEqual(['queryServer', 'updateServer']);
      expect(stack.upstreamBodies('updateServer')).toEqual([{ userName: 'renamed', serverInfo: { ip: server.host, port: '22', filePath: '/srv/in' } }]);
      expect(stack.simulator.requests[1].path).toBe(`/rest/isales/v1/openapi/campaigns/1/file/${server.id}/updateServer`);
      expect(await json(await stack.get(`${SERVERS}/${server.id}`))).toEqual({ id: server.id, ...change });
    });

    it('refuses a new host without the password (400) before any update reaches iSales', async () => {
      const server = await created();
      const response = await send('PUT', `${SERVERS}/${server.id}`, { ...NEW_SERVER, host: 'sftp.example.internal', password: undefined });
      expect(response.status).toBe(400);
      const problem = await json<ProblemDetails>(response);
      expect(problem.invalidParams).toEqual([{ name: 'password', reason: 'password is required when host changes' }]);
      expect(operations()).toEqual(['queryServer']);
    });

    it('moves the server to a new host with the password', async () => {
      const server = await created();
      const response = await send('PUT', `${SERVERS}/${server.id}`, { ...NEW_SERVER, username: server.username!, host: 'sftp.example.internal' });
      expect(response.status).toBe(200);
      expect(stack.upstreamBodies('updateServer')).toEqual([expect.objectContaining({ serverPwd: PASSWORD })]);
      expect(await response.text()).not.toContain(PASSWORD);
    });

    it('answers 404 for a server iSales does not list, without updating', async () => {
      const response = await send('PUT', `${SERVERS}/123456789012345678901234567890`, NEW_SERVER);
      expect(response.status).toBe(404);
      expect(operations()).toEqual(['queryServer']);
    });
  });

  describe('DELETE /vdns/{vdnId}/file-servers/{serverId}', () => {
    it('deletes (204); the server is gone from the next read; a second delete is a 404 from iSales\u2019 0200006', async () => {
      const server = await created();
      const response = await send('DELETE', `${SERVERS}/${server.id}`);
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
      expect(stack.simulator.requests[0].path).toBe(`/rest/isales/v1/openapi/campaigns/1/file/${server.id}/deleteServer`);
      expect((await stack.get(`${SERVERS}/${server.id}`)).status).toBe(404);
      const again = await send('DELETE', `${SERVERS}/${server.id}`);
      expect(again.status).toBe(404);
      expect((await json<ProblemDetails>(again)).upstream).toMatchObject({ code: '0200006' });
    });
  });

  describe('invalid input: 400 and no upstream call', () => {
    it.each([
      ['no password', 'POST', SERVERS, { ...NEW_SERVER, password: undefined }, 'password'],
      ['a 7-character password', 'POST', SERVERS, { ...NEW_SERVER, password: 'x'.repeat(7) }, 'password'],
      ['an 81-character password', 'POST', SERVERS, { ...NEW_SERVER, password: 'x'.repeat(81) }, 'password'],
      ['port 0', 'POST', SERVERS, { ...NEW_SERVER, port: 0 }, 'port'],
      ['port 65536', 'POST', SERVERS, { ...NEW_SERVER, port: 65536 }, 'port'],
      ['port as a string', 'POST', SERVERS, { ...NEW_SERVER, port: '22' }, 'port'],
      ['a host with a space', 'POST', SERVERS, { ...NEW_SERVER, host: 'a host' }, 'host'],
      ['a relative path', 'POST', SERVERS, { ...NEW_SERVER, path: 'home/sftp' }, 'path'],
      ['a username with a dot', 'POST', SERVERS, { ...NEW_SERVER, username: 'first.last' }, 'username'],
      ['a 31-character username', 'POST', SERVERS, { ...NEW_SERVER, username: 'u'.repeat(31) }, 'username'],
      ['an unknown field', 'POST', SERVERS, { ...NEW_SERVER, serverPwd: 'x' }, 'serverPwd'],
      ['vdnId 0', 'POST', '/api/v1/vdns/0/file-servers', NEW_SERVER, 'vdnId'],
      ['a PUT without username', 'PUT', `${SERVERS}/${FILE_SERVER_EXAMPLE.id}`, { ...NEW_SERVER, username: undefined }, 'username'],
      ['a PUT with a short password', 'PUT', `${SERVERS}/${FILE_SERVER_EXAMPLE.id}`, { ...NEW_SERVER, password: 'short' }, 'password'],
      ['a serverId with letters', 'DELETE', `${SERVERS}/12ab`, undefined, 'serverId'],
    ])('%s', async (_case, method, path, body, param) => {
      const response = await send(method, path, body);
      const text = await response.clone().text();
      expect(text).not.toContain(PASSWORD);
      await expectRejectedBeforeUpstream(stack, response, param);
    });

    it('answers a body that is not JSON with a 400 problem that does not repeat it', async () => {
      const response = await send('POST', SERVERS, `{"password":"${PASSWORD}",`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.text()).not.toContain(PASSWORD);
      expect(stack.simulator.requests).toHaveLength(0);
    });
  });

  describe('iSales business codes, one table per write', () => {
    it.each(Object.entries(ISALES_ERROR_TABLES.addServer))('addServer %s -> %s', async (code, outcome) => {
      stack.simulator.setFault('addServer', { resultCode: code, resultDesc: 'x' });
      await expectUpstreamCodeMapped(stack, await send('POST', SERVERS, NEW_SERVER), code, outcome);
    });

    it.each(Object.entries(ISALES_ERROR_TABLES.updateServer))('updateServer %s -> %s', async (code, outcome) => {
      stack.simulator.setFault('updateServer', { resultCode: code, resultDesc: 'x' });
      const response = await send('PUT', `${SERVERS}/${FILE_SERVER_EXAMPLE.id}`, { ...NEW_SERVER, host: FILE_SERVER_EXAMPLE.host! });
      expect(response.status).toBe(OUTCOME_STATUS[outcome]);
      expect((await json<ProblemDetails>(response)).upstream).toEqual({ code, description: 'x' });
      expect(operations()).toEqual(['queryServer', 'updateServer']);
    });

    it.each(Object.entries(ISALES_ERROR_TABLES.deleteServer))('deleteServer %s -> %s', async (code, outcome) => {
      stack.simulator.setFault('deleteServer', { resultCode: code, resultDesc: 'x' });
      await expectUpstreamCodeMapped(stack, await send('DELETE', `${SERVERS}/${FILE_SERVER_EXAMPLE.id}`), code, outcome);
    });

    it('passes on the description of addServer\u2019s own error example (`description`, not resultDesc)', async () => {
      stack.simulator.setFault('addServer', { httpStatus: 200, resultCode: '02000005', resultDesc: ' 参数长度需要介于8和80之间' });
      const response = await send('POST', SERVERS, NEW_SERVER);
      expect(response.status).toBe(400);
      expect((await json<ProblemDetails>(response)).upstream).toEqual({ code: '02000005', description: ' 参数长度需要介于8和80之间' });
    });

    it('does not retry a create that iSales answered with 503', async () => {
      stack.simulator.setFault('addServer', { httpStatus: 503 });
      const response = await send('POST', SERVERS, NEW_SERVER);
      expect(response.status).toBe(502);
      expect(operations()).toEqual(['addServer']);
    });
  });
});
