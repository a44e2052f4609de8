import type { Simulator } from './simulator';
import { sendSigned } from './signed-client';
import { BASE, CREDENTIALS, get, post, startSimulator } from './spec-helpers';

const RUNNING = 1106025109;
const PAUSED = 47;
const EXPIRED = 49;

// Campaigns and the do-not-call list as the pages describe them (docs/isales/next-api-notes.md sections 1 and 3),
// with the choices of docs/isales/next-api-choices.md where they are silent.
describe('simulator: campaigns and the do-not-call list', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator({ generatedSize: 20 });
  });
  afterAll(() => simulator.close());

  const send = (method: string, path: string) => sendSigned(simulator.url, { method, path: `${BASE}/${path}` }, CREDENTIALS);
  const list = async (query: string) => (await get(simulator, `1?${query}`)).json();

  describe('GET campaigns/{vdnId}', () => {
    it('answers VDN 1\u2019s campaigns with the list\u2019s fields, the example\u2019s status 1 among them', async () => {
      const answer = await list('status=0&deviceType=0&curPage=1&rowsPerPage=10');
      expect(answer).toMatchObject({ resultCode: '0200000', curPage: 1, totalSize: 5, rowsPerPage: 10 });
      expect(answer.data[0]).toEqual({
        id: 46,
        name: 'test0526',
        status: 1,
        strBeginTime: '2030-05-26 00:00:00',
        strEndTime: '2030-06-30 23:59:59',
        deviceType: 2,
        callerNo: '710002',
      });
    });

    it('filters by status (4 is completed and expired alike), corrects a page below 1', async () => {
      const answer = await list('status=4&deviceType=0&curPage=-3&rowsPerPage=10');
      expect(answer.curPage).toBe(1);
      expect((answer.data as Array<{ id: number }>).map((c) => c.id)).toEqual([48, 49]);
    });

    it.each([
      ['no status', 'deviceType=0&curPage=1&rowsPerPage=10', '02000001'],
      ['status 1', 'status=1&deviceType=0&curPage=1&rowsPerPage=10', '02000007'],
      ['device type 4', 'status=0&deviceType=4&curPage=1&rowsPerPage=10', '02000007'],
      ['101 rows', 'status=0&deviceType=0&curPage=1&rowsPerPage=101', '02000007'],
      ['a 31-character name', `status=0&deviceType=0&curPage=1&rowsPerPage=10&name=${'n'.repeat(31)}`, '02000003'],
      ['an ISO time', 'status=0&deviceType=0&curPage=1&rowsPerPage=10&beginTime=2025-01-01T00:00:00Z', '02000007'],
    ])('refuses %s', async (_case, query, code) => {
      expect((await list(query)).resultCode).toBe(code);
    });
  });

  describe('pause and resume', () => {
    it('moves a running campaign to paused and back; the detail shows it', async () => {
      const paused = await send('PUT', `1/${RUNNING}/pause`);
      expect(paused.json()).toEqual({ resultCode: '0200000', resultDesc: '', returnCode: '0200000', returnDesc: '' });
      expect((await get(simulator, `1/${RUNNING}`)).json().returnObject.status).toBe(3);
      expect((await send('PUT', `1/${RUNNING}/resume`)).json().resultCode).toBe('0200000');
      expect((await get(simulator, `1/${RUNNING}`)).json().returnObject.status).toBe(2);
    });

    it.each([
      ['pause', PAUSED, '0200011'],
      ['resume', RUNNING, '0200011'],
      ['resume', EXPIRED, '0200011'],
      ['pause', 999, '0200007'],
    ])('%s of campaign %i: %s', async (action, id, code) => {
      expect((await send('PUT', `1/${id}/${action}`)).json().resultCode).toBe(code);
    });

    it('answers 405 to a POST on pause', async () => {
      expect((await send('POST', `1/${RUNNING}/pause`)).status).toBe(405);
    });
  });

  describe('blocklist', () => {
    it('adds, looks up (flag), deletes and empties, per VDN', async () => {
      expect((await post(simulator, '3/blocklist/add', { blocklist: ['111', '222'], validityTime: 2 })).json().resultCode).toBe('0200000');
      const found = (await post(simulator, '3/blocklist/query', { blocklist: ['111', '333'] })).json();
      expect(found).toMatchObject({
        totalCount: 1,
        data: [{ validityExpirationTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), blockNum: '111', flag: true }],
      });
      expect((await post(simulator, '3/blocklist/delete', { blocklistNo: '111' })).json().resultCode).toBe('0200000');
      expect((await post(simulator, '3/blocklist/query', { blocklist: ['111'] })).json().totalCount).toBe(0);
      expect((await send('DELETE', '3/blocklist')).json().resultCode).toBe('0200000');
      expect((await post(simulator, '3/blocklist/query', { offset: 0, limit: 10 })).json()).toMatchObject({ totalCount: 0, data: [] });
      expect((await post(simulator, '1/blocklist/query', { blocklist: ['13100000000'] })).json().totalCount).toBe(1);
    });

    it.each([
      ['21 numbers', { blocklist: Array.from({ length: 21 }, (_, i) => String(500 + i)) }, '0200029'],
      ['a duplicate', { blocklist: ['700', '700'] }, '0200018'],
      ['a number already blocked', { blocklist: ['13100000000'] }, '0200007'],
      ['a letter', { blocklist: ['12a'] }, '02000002'],
      ['25 digits', { blocklist: ['1'.repeat(25)] }, '02000003'],
      ['121 hours', { blocklist: ['701'], validityTime: 121 }, '02000007'],
    ])('add refuses %s', async (_case, body, code) => {
      expect((await post(simulator, '1/blocklist/add', body)).json().resultCode).toBe(code);
    });

    it.each([
      ['both a page and numbers', { offset: 0, limit: 10, blocklist: ['1'] }],
      ['neither', {}],
    ])('query refuses %s (02000009)', async (_case, body) => {
      expect((await post(simulator, '1/blocklist/query', body)).json().resultCode).toBe('02000009');
    });
  });
});
