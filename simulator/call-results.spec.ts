import type { Simulator } from './simulator';
import { get, post, startSimulator } from './spec-helpers';

describe('simulator: call results, call data write-back, call-data import tasks (docs/isales/call-results-choices.md)', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator({ generatedSize: 20, businessResultParents: 5 });
  });
  afterAll(() => simulator.close());

  describe('callresultdetail', () => {
    it('serves the page example in VDN 1 as the page shows it, callStatus the string "6"', async () => {
      const response = await get(simulator, '1/callresultdetail/1644464743-1388');
      const json = response.json();
      expect(json).toMatchObject({ resultCode: '0200000', resultDesc: 'Query Success!', returnCode: '0200000' });
      expect(json.data).toMatchObject({ callId: '1644464743-1388', called: '88881955', callStatus: '6', ackBeginTime: '2022-02-10 11:45:43', vdnId: 8 });
    });

    it('serves the callback example\u2019s call with callStatus as a number', async () => {
      const json = (await get(simulator, '1/callresultdetail/0023-134864174')).json();
      expect(json.data).toMatchObject({ callId: '0023-134864174', called: '60584', callStatus: 6, failCode: '0', vdnId: 11 });
    });

    it('answers success without data for an unknown call, and generated results elsewhere', async () => {
      const unknown = (await get(simulator, '1/callresultdetail/nope')).json();
      expect(unknown.resultCode).toBe('0200000');
      expect(unknown).not.toHaveProperty('data');
      expect((await get(simulator, '9999/callresultdetail/1644464743-1388')).json()).not.toHaveProperty('data');
    });

    it('refuses another method', async () => {
      expect((await post(simulator, '1/callresultdetail/0023-134864174', {})).status).toBe(405);
    });
  });

  describe('callBusiResult', () => {
    const write = (vdn: number, dataId: string, body: unknown) => post(simulator, `${vdn}/callBusiResult/${dataId}`, body);

    it('writes back a business result and answers resultCode/resultDesc only', async () => {
      const json = (await write(1, '1001', { busiResult: '11111', subStatus: '12324', busiResultDesc: 'ok', workNo: '2033' })).json();
      expect(json).toEqual({ resultCode: '0200000', resultDesc: 'The business result is written back successfully.' });
    });

    it('takes the page example, whose codes are not in the VDN\u2019s tree', async () => {
      const json = (await write(1, '1002', { busiResult: '1621474513', subStatus: '1048856206', busiResultDesc: '1', workNo: '2033' })).json();
      expect(json.resultCode).toBe('0200000');
    });

    it.each([
      ['unknown data', '424242', { busiResult: '11111' }, '0200033'],
      ['a dataId that is not an int', 'abc', { busiResult: '11111' }, '0200001'],
      ['a dataId over the int range', '2147483648', { busiResult: '11111' }, '0200001'],
      ['busiResult missing', '1001', {}, '02000001'],
      ['busiResult over 50', '1001', { busiResult: 'x'.repeat(51) }, '02000003'],
      ['busiResult not a string', '1001', { busiResult: 5 }, '0200001'],
      ['a subStatus of another parent', '1001', { busiResult: '11111', subStatus: '754646' }, '0200034'],
      ['a body that is not JSON', '1001', 'not json', '02000008'],
    ])('%s -> %s', async (_what, dataId, body, code) => {
      expect((await write(1, dataId, body)).json().resultCode).toBe(code);
    });
  });

  describe('calldatafile/queryDataImportTask', () => {
    const query = (vdn: number, campaignId: string, body: unknown) => post(simulator, `${vdn}/calldatafile/queryDataImportTask/${campaignId}`, body);

    it('serves the page example with blackNum for VDN 1\u2019s campaign 3', async () => {
      const json = (await query(1, '3', { offset: 0, limit: 10 })).json();
      expect(json).toMatchObject({ resultCode: '0200000', count: 1 });
      expect(json.result).toEqual([expect.objectContaining({ id: '164698362894300182038011895728', status: '2', blackNum: 0 })]);
    });

    it('answers an empty page for a campaign without imports, 0200007 for an unknown one, 0200001 for a bad id', async () => {
      expect((await query(1, '1106025109', { offset: 0, limit: 10 })).json()).toMatchObject({ result: [], count: 0 });
      // A campaign the campaign pages list (simulator/data/seed-campaigns.ts) is known here too.
      expect((await query(1, '46', { offset: 0, limit: 10 })).json()).toMatchObject({ result: [], count: 0 });
      expect((await query(1, '77', { offset: 0, limit: 10 })).json().resultCode).toBe('0200007');
      expect((await query(1, 'x1', { offset: 0, limit: 10 })).json().resultCode).toBe('0200001');
      expect((await query(1, '3', { offset: 0, limit: 101 })).json().resultCode).toBe('02000007');
    });

    it('pages generated tasks of a generated VDN', async () => {
      const json = (await query(2, '1', { offset: 0, limit: 2 })).json();
      expect(json.count).toBe(4);
      expect(json.result).toHaveLength(2);
      expect(json.result[0]).toHaveProperty('blackNum');
    });
  });
});
