import { DEFAULT_GENERATED_SIZE } from '../simulator/simulator';
import { generateServers } from '../simulator/data/generate-servers';
import { ISALES_ERROR_TABLES } from '../src/upstream/operations.catalogue';
import { FILE_SERVER_EXAMPLE, FILE_SERVER_EXAMPLES } from '../src/modules/file-servers/file-server.example';
import type { operations } from '../clients/typescript/src/index';
import { useStack } from './support/harness';
import { expectRejectedBeforeUpstream, expectUpstreamCodeMapped } from './support/problem-expectations';

const BASE = '/api/v1/vdns';
const PROBLEM = /^application\/problem\+json/;

describe('file servers (gateway + simulator over HTTP)', () => {
  const stack = useStack();

  type ListQuery = NonNullable<operations['listFileServers']['parameters']['query']>;
  const list = (vdnId: number, query: ListQuery = {}) => stack.client.GET('/api/v1/vdns/{vdnId}/file-servers', { params: { path: { vdnId }, query } });
  const one = (vdnId: number, serverId: string) => stack.client.GET('/api/v1/vdns/{vdnId}/file-servers/{serverId}', { params: { path: { vdnId, serverId } } });

  const upstreamBodies = () => stack.upstreamBodies('queryServer');

  describe('GET /vdns/{vdnId}/file-servers', () => {
    it('normalises the seed examples of VDN 1', async () => {
      const { data, response } = await list(1);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(data).toEqual({ items: FILE_SERVER_EXAMPLES, page: 1, pageSize: 20, total: 5 });
      expect(upstreamBodies()).toEqual([{ offset: 0, limit: 20 }]);
    });

    it('never shows a password or any other field iSales sends', async () => {
      const { data } = await list(1);
      for (const item of data!.items) expect(Object.keys(item).sort()).toEqual(['host', 'id', 'path', 'port', 'username']);
    });

    it('pages through a generated VDN as offset/limit and keeps the upstream total', async () => {
      const { data, response } = await list(2, { page: 3, pageSize: 10 });
      expect(response.status).toBe(200);
      expect(upstreamBodies()).toEqual([{ offset: 20, limit: 10 }]);
      const expected = generateServers(2, DEFAULT_GENERATED_SIZE)
        .slice(20, 30)
        .map((s) => ({ id: s.serverId, host: s.ip, port: s.port === null ? null : Number(s.port), path: s.filePath, username: s.userName }));
      expect(data).toEqual({ items: expected, page: 3, pageSize: 10, total: DEFAULT_GENERATED_SIZE });
    });

    it('answers an empty page past the end', async () => {
      const { data } = await list(2, { page: 100, pageSize: 100 });
      expect(data).toEqual({ items: [], page: 100, pageSize: 100, total: DEFAULT_GENERATED_SIZE });
      expect(upstreamBodies()).toEqual([{ offset: 9900, limit: 100 }]);
    });

    it('sends ids as serverIds, as strings', async () => {
      const ids = [FILE_SERVER_EXAMPLES[3].id, FILE_SERVER_EXAMPLES[1].id];
      const { data } = await list(1, { ids: ids.join(',') });
      expect(upstreamBodies()).toEqual([{ offset: 0, limit: 20, serverIds: ids }]);
      expect(data!.items).toEqual([FILE_SERVER_EXAMPLES[1], FILE_SERVER_EXAMPLES[3]]);
      expect(data!.total).toBe(2);
    });

    // The typed client sends ids the documented way; this is what other callers may do.
    it('accepts repeated ids parameters too', async () => {
      const [a, b] = [FILE_SERVER_EXAMPLES[0].id, FILE_SERVER_EXAMPLES[4].id];
      const response = await stack.get(`${BASE}/1/file-servers?ids=${a}&ids=${b}`);
      expect(response.status).toBe(200);
      expect(upstreamBodies()).toEqual([{ offset: 0, limit: 20, serverIds: [a, b] }]);
    });
  });

  describe('GET /vdns/{vdnId}/file-servers/{serverId}', () => {
    it('answers one server', async () => {
      const { data, response } = await one(1, FILE_SERVER_EXAMPLE.id!);
      expect(response.status).toBe(200);
      expect(data).toEqual(FILE_SERVER_EXAMPLE);
      expect(upstreamBodies()).toEqual([{ offset: 0, limit: 1, serverIds: [FILE_SERVER_EXAMPLE.id] }]);
    });

    it('keeps the nulls of the incomplete seed server', async () => {
      const { data } = await one(1, FILE_SERVER_EXAMPLES[0].id!);
      expect(data).toEqual(FILE_SERVER_EXAMPLES[0]);
    });

    it('answers 404 problem details when iSales returns no server', async () => {
      const { error, response } = await one(1, '123456789012345678901234567890');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(PROBLEM);
      expect(error).toMatchObject({
        type: 'urn:isales-gateway:problem:not-found',
        status: 404,
        instance: '/api/v1/vdns/1/file-servers/123456789012345678901234567890',
      });
      expect(error!.requestId).toEqual(expect.any(String));
      expect(upstreamBodies()).toEqual([{ offset: 0, limit: 1, serverIds: ['123456789012345678901234567890'] }]);
    });
  });

  describe('invalid input: 400 and no upstream call', () => {
    const tooManyIds = Array.from({ length: 101 }, (_, i) => String(1000 + i)).join(',');

    it.each([
      ['vdnId 0', `${BASE}/0/file-servers`, 'vdnId'],
      ['vdnId 10000', `${BASE}/10000/file-servers`, 'vdnId'],
      ['vdnId not a number', `${BASE}/abc/file-servers`, 'vdnId'],
      ['page 0', `${BASE}/1/file-servers?page=0`, 'page'],
      ['page 1.5', `${BASE}/1/file-servers?page=1.5`, 'page'],
      ['pageSize 0', `${BASE}/1/file-servers?pageSize=0`, 'pageSize'],
      ['pageSize 101', `${BASE}/1/file-servers?pageSize=101`, 'pageSize'],
      ['an id with letters', `${BASE}/1/file-servers?ids=1646900882711592347934292258ab`, 'ids'],
      ['an empty id', `${BASE}/1/file-servers?ids=123,,456`, 'ids'],
      ['101 ids', `${BASE}/1/file-servers?ids=${tooManyIds}`, 'ids'],
      ['an unknown query parameter', `${BASE}/1/file-servers?serverIds=1`, 'serverIds'],
      ['a serverId with letters', `${BASE}/1/file-servers/16469008827115923479342922584x`, 'serverId'],
      ['a serverId longer than 64 digits', `${BASE}/1/file-servers/${'1'.repeat(65)}`, 'serverId'],
      ['vdnId 0 on a single server', `${BASE}/0/file-servers/1`, 'vdnId'],
    ])('%s', async (_case, path, param) => {
      await expectRejectedBeforeUpstream(stack, await stack.get(path), param);
    });
  });

  describe('iSales business codes (queryServer table)', () => {
    it.each(Object.entries(ISALES_ERROR_TABLES.queryServer))('%s -> %s', async (code, outcome) => {
      stack.simulator.setFault('queryServer', { resultCode: code, resultDesc: 'x' });
      await expectUpstreamCodeMapped(stack, await list(1), code, outcome);
    });

    it('maps a code on the single-server route too', async () => {
      stack.simulator.setFault('queryServer', { resultCode: '0200033', resultDesc: 'x' });
      const { error, response } = await one(1, FILE_SERVER_EXAMPLE.id!);
      expect(response.status).toBe(404);
      expect(error!.upstream).toEqual({ code: '0200033', description: 'x' });
    });

    it('answers 502 for a code the table does not list', async () => {
      stack.simulator.setFault('queryServer', { resultCode: '0200006', resultDesc: 'x' });
      const { error, response } = await list(1);
      expect(response.status).toBe(502);
      expect(error!.upstream).toEqual({ code: '0200006', description: 'x' });
    });
  });
});
