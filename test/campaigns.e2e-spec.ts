import { ProblemDetails } from '../src/common/errors/problem';
import { CampaignDto, CampaignPageDto } from '../src/modules/campaigns/dto/campaign.dto';
import { CAMPAIGN_EXAMPLE, CAMPAIGN_SUMMARY_EXAMPLES } from '../src/modules/campaigns/campaign.example';
import { apiKeysWith, asApiKey, useRedisStack } from './support/harness';
import { jsonInit } from './support/json-request';
import { expectProblem, expectRejectedBeforeUpstream, expectWriteNotRetried, itMapsEachUpstreamCode } from './support/problem-expectations';

const CAMPAIGNS = '/api/v1/vdns/1/campaigns';
/** VDN 1's running campaign (simulator/data/seed-campaigns.ts). */
const RUNNING = 1106025109;
const PAUSED = 47;
const COMPLETED = 48;
const EXPIRED = 49;

/** A service allowed to write in VDN 1 only, and one that may only read. */
const VDN1_WRITER = 'vdn1-writer-key-5b8e2d';
const READER = 'reader-key-9c1f3a';
const API_KEYS = apiKeysWith(
  { id: 'vdn1-writer', key: VDN1_WRITER, vdns: [1], scopes: ['isales:read', 'isales:write'] },
  { id: 'reader', key: READER, vdns: '*', scopes: ['isales:read'] },
);

describe('campaigns (gateway + simulator + redis over HTTP)', () => {
  const stack = useRedisStack({ AUTH_API_KEYS: API_KEYS });
  const json = async <T>(response: Response) => (await response.json()) as T;
  const post = (path: string, headers: Record<string, string> = {}) => stack.request(path, jsonInit('POST', undefined, headers));
  const upstream = (operation: string) => stack.simulator.requests.filter((r) => r.operation === operation);
  const statusOf = async (id: number) => (await json<CampaignDto>(await stack.get(`${CAMPAIGNS}/${id}`))).status;

  describe('GET /vdns/{vdnId}/campaigns', () => {
    it('lists VDN 1\u2019s campaigns, the list example\u2019s undocumented status passed as "1"', async () => {
      const response = await stack.get(`${CAMPAIGNS}?pageSize=2`);
      expect(response.status).toBe(200);
      expect(await json<CampaignPageDto>(response)).toEqual({ items: CAMPAIGN_SUMMARY_EXAMPLES, page: 1, pageSize: 2, total: 5 });
      expect(upstream('campaignList').map((r) => r.query)).toEqual([{ status: '0', deviceType: '0', curPage: '1', rowsPerPage: '2' }]);
      expect(upstream('campaignList')[0].method).toBe('GET');
      expect(upstream('campaignList')[0].path).toBe('/rest/isales/v1/openapi/campaigns/1');
    });

    it('sends the clean filters as iSales\u2019 codes and UTC times', async () => {
      const response = await stack.get(
        `${CAMPAIGNS}?status=started&deviceType=preemptive&name=Preempted&beginsFrom=2025-05-01T08:00:00%2B08:00&endsBy=2031-01-01T00:00:00Z&page=1&pageSize=10`,
      );
      expect(response.status).toBe(200);
      const page = await json<CampaignPageDto>(response);
      expect(page.items.map((c) => c.id)).toEqual([RUNNING]);
      expect(page.total).toBe(1);
      expect(upstream('campaignList')[0].query).toEqual({
        name: 'Preempted',
        status: '2',
        deviceType: '6',
        beginTime: '2025-05-01 00:00:00',
        endTime: '2031-01-01 00:00:00',
        curPage: '1',
        rowsPerPage: '10',
      });
    });

    it('reads 4 as completed in a list', async () => {
      const page = await json<CampaignPageDto>(await stack.get(`${CAMPAIGNS}?status=completed`));
      expect(page.items.map((c) => [c.id, c.status])).toEqual([
        [COMPLETED, 'completed'],
        [EXPIRED, 'completed'],
      ]);
    });
  });

  describe('GET /vdns/{vdnId}/campaigns/{campaignId}', () => {
    it('answers the running campaign with its undescribed settings passed through', async () => {
      const response = await stack.get(`${CAMPAIGNS}/${RUNNING}`);
      expect(response.status).toBe(200);
      expect(await json<CampaignDto>(response)).toEqual(CAMPAIGN_EXAMPLE);
      expect(upstream('campaignDetail')[0].path).toBe(`/rest/isales/v1/openapi/campaigns/1/${RUNNING}`);
    });

    it('reads 4 as expired for one campaign', async () => {
      expect(await statusOf(EXPIRED)).toBe('expired');
    });

    it('answers 404 (0200007) for a campaign the VDN does not have', async () => {
      const body = await expectProblem(await stack.get(`${CAMPAIGNS}/999`), 404);
      expect(body.upstream).toMatchObject({ code: '0200007' });
    });
  });

  describe('POST /vdns/{vdnId}/campaigns/{campaignId}/pause and /resume', () => {
    it('pauses the running campaign (204, a PUT without a body upstream), then resumes it', async () => {
      const paused = await post(`${CAMPAIGNS}/${RUNNING}/pause`);
      expect(paused.status).toBe(204);
      expect(upstream('campaignPause').map((r) => [r.method, r.path, r.body])).toEqual([['PUT', `/rest/isales/v1/openapi/campaigns/1/${RUNNING}/pause`, '']]);
      expect(await statusOf(RUNNING)).toBe('paused');
      expect((await post(`${CAMPAIGNS}/${RUNNING}/resume`)).status).toBe(204);
      expect(upstream('campaignResume').map((r) => [r.method, r.body])).toEqual([['PUT', '']]);
      expect(await statusOf(RUNNING)).toBe('started');
    });

    it.each([
      ['pause a paused campaign', 'pause', PAUSED],
      ['pause a completed campaign', 'pause', COMPLETED],
      ['resume a running campaign', 'resume', RUNNING],
      ['resume an expired campaign', 'resume', EXPIRED],
    ])('answers 409 (0200011) to %s', async (_case, action, id) => {
      const body = await expectProblem(await post(`${CAMPAIGNS}/${id}/${action}`), 409);
      expect(body.upstream).toMatchObject({ code: '0200011' });
    });

    it.each(['pause', 'resume'])('answers 404 (0200007) to %s a campaign the VDN does not have', async (action) => {
      const body = await expectProblem(await post(`${CAMPAIGNS}/999/${action}`), 404);
      expect(body.upstream).toMatchObject({ code: '0200007' });
    });

    it('replays a pause with the same Idempotency-Key without pausing again', async () => {
      const key = `pause-${process.pid}`;
      const first = await post(`${CAMPAIGNS}/${RUNNING}/pause`, { 'idempotency-key': key });
      const second = await post(`${CAMPAIGNS}/${RUNNING}/pause`, { 'idempotency-key': key });
      expect([first.status, second.status]).toEqual([204, 204]);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(upstream('campaignPause')).toHaveLength(1);
      // Without the key, the second pause reaches iSales, which refuses it.
      expect((await post(`${CAMPAIGNS}/${RUNNING}/pause`)).status).toBe(409);
      expect((await post(`${CAMPAIGNS}/${RUNNING}/resume`)).status).toBe(204);
    });
  });

  describe('access', () => {
    it('lets a key for VDN 1 pause there but not in VDN 2 (403, iSales not called)', async () => {
      const refused = await stack.request('/api/v1/vdns/2/campaigns/1/pause', asApiKey(VDN1_WRITER, { method: 'POST' }));
      await expectProblem(refused, 403);
      expect(stack.simulator.requests).toHaveLength(0);
      expect((await stack.request(`${CAMPAIGNS}/${RUNNING}/pause`, asApiKey(VDN1_WRITER, { method: 'POST' }))).status).toBe(204);
      expect((await stack.request(`${CAMPAIGNS}/${RUNNING}/resume`, asApiKey(VDN1_WRITER, { method: 'POST' }))).status).toBe(204);
    });

    it('reads with isales:read; pausing and resuming need isales:write', async () => {
      expect((await stack.get(CAMPAIGNS, asApiKey(READER))).status).toBe(200);
      expect((await stack.get(`${CAMPAIGNS}/${RUNNING}`, asApiKey(READER))).status).toBe(200);
      stack.simulator.clearRequests();
      for (const action of ['pause', 'resume']) {
        const body = await expectProblem(await stack.request(`${CAMPAIGNS}/${RUNNING}/${action}`, asApiKey(READER, { method: 'POST' })), 403);
        expect(body.detail).toBe('The credentials do not grant isales:write.');
      }
      expect(stack.simulator.requests).toHaveLength(0);
    });
  });

  describe('invalid input: 400 and no upstream call', () => {
    it.each([
      ['an unknown status', `${CAMPAIGNS}?status=running`, 'status'],
      ['a device type by number', `${CAMPAIGNS}?deviceType=2`, 'deviceType'],
      ['a 31-character name', `${CAMPAIGNS}?name=${'n'.repeat(31)}`, 'name'],
      ['a period that ends before it begins', `${CAMPAIGNS}?beginsFrom=2030-01-02T00:00:00Z&endsBy=2030-01-01T00:00:00Z`, 'beginsFrom'],
      ['a time without a zone', `${CAMPAIGNS}?endsBy=2030-01-01T00:00:00`, 'endsBy'],
      ['a page size over 100', `${CAMPAIGNS}?pageSize=101`, 'pageSize'],
      ['a campaign id with letters', `${CAMPAIGNS}/12ab`, 'campaignId'],
      ['a campaign id beyond an int', `${CAMPAIGNS}/2147483648`, 'campaignId'],
      ['a query on one campaign', `${CAMPAIGNS}/${RUNNING}?status=started`, 'status'],
    ])('GET with %s', async (_case, path, param) => {
      await expectRejectedBeforeUpstream(stack, await stack.get(path), param);
    });

    it.each(['pause', 'resume'])('POST %s with a campaign id of 0', async (action) => {
      await expectRejectedBeforeUpstream(stack, await post(`${CAMPAIGNS}/0/${action}`), 'campaignId');
    });
  });

  describe('iSales business codes, one table per operation', () => {
    const routes = {
      campaignList: () => stack.get(CAMPAIGNS),
      campaignDetail: () => stack.get(`${CAMPAIGNS}/${RUNNING}`),
      campaignPause: () => post(`${CAMPAIGNS}/${RUNNING}/pause`),
      campaignResume: () => post(`${CAMPAIGNS}/${PAUSED}/resume`),
    } as const;
    itMapsEachUpstreamCode(stack, routes);

    it('does not retry a pause iSales answered with 503', () => expectWriteNotRetried(stack, 'campaignPause', routes.campaignPause));

    it('answers a detail without returnObject as 404', async () => {
      stack.simulator.setFault('campaignDetail', { resultCode: '0200000', resultDesc: 'x' });
      const body: ProblemDetails = await expectProblem(await routes.campaignDetail(), 404);
      expect(body.upstream).toBeUndefined();
    });
  });
});
