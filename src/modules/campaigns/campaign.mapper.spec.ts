import { SEED_CAMPAIGNS } from '../../../simulator/data/seed-campaigns';
import { servedCampaign } from '../../../simulator/handlers/campaign-input';
import { toCampaign, toCampaignQuery, toCampaignSummary } from './campaign.mapper';
import { CAMPAIGN_EXAMPLE, CAMPAIGN_SUMMARY_EXAMPLES } from './campaign.example';
import { IsalesCampaign } from '../../upstream/isales.types';
import { ListCampaignsQueryDto } from './dto/list-campaigns.query.dto';

/** A record as iSales might send it, types and extra fields included, which the wire type does not allow. */
const asSentByIsales = (record: Record<string, unknown>) => record as unknown as IsalesCampaign;

// The list page's example shape (docs/isales/next-api-notes.md section 3): id an int, status 1 (not in the enumeration).
const listed = [
  { id: 46, name: 'test0526', status: 1, strBeginTime: '2030-05-26 00:00:00', strEndTime: '2030-06-30 23:59:59', deviceType: 2, callerNo: '710002' },
  {
    id: 1106025109,
    name: 'Preempted task',
    status: 2,
    strBeginTime: '2025-05-01 00:00:00',
    strEndTime: '2030-12-31 23:59:59',
    deviceType: 6,
    callerNo: '710002',
  },
];
// The detail's returnObject as the simulator serves its running campaign, with the sub-objects the page names without describing.
const detail = asSentByIsales(servedCampaign(SEED_CAMPAIGNS[1]));

describe('toCampaignSummary', () => {
  it('normalises the list example, its undocumented status 1 passed as "1"', () => {
    expect(listed.map(toCampaignSummary)).toEqual(CAMPAIGN_SUMMARY_EXAMPLES);
  });

  it.each([
    [2, 'started'],
    ['3', 'paused'],
    [4, 'completed'],
    [0, '0'],
    [7, '7'],
    ['running', 'running'],
    [null, null],
  ])('reads a listed status %j as %j', (status, expected) => {
    expect(toCampaignSummary(asSentByIsales({ ...listed[1], status })).status).toBe(expected);
  });

  it.each([
    [1, 'intelligent-ivr'],
    [2, 'predictive'],
    ['3', 'automatic-ivr'],
    [5, 'preview'],
    [6, 'preemptive'],
    [4, '4'],
  ])('names device type %j %j', (deviceType, expected) => {
    expect(toCampaignSummary(asSentByIsales({ ...listed[1], deviceType })).deviceType).toBe(expected);
  });

  it('keeps a time it cannot read as it came, and turns missing fields into null', () => {
    expect(toCampaignSummary(asSentByIsales({ strBeginTime: 'soon', strEndTime: '' }))).toEqual({
      id: null,
      name: null,
      status: null,
      deviceType: null,
      beginsAt: 'soon',
      endsAt: null,
      callerNumber: null,
    });
  });
});

describe('toCampaign', () => {
  it('normalises the detail, passing the undescribed objects through', () => {
    expect(toCampaign(detail)).toEqual(CAMPAIGN_EXAMPLE);
  });

  it('reads the detail\u2019s 4 as expired', () => {
    expect(toCampaign({ ...detail, status: 4 }).status).toBe('expired');
  });

  it('makes an opaque field that is not an object null, and an empty callback URL null', () => {
    const campaign = toCampaign(asSentByIsales({ ...detail, scheduleParam: 'daily', ivrParam: [1], callBackUrl: '' }));
    expect([campaign.schedule, campaign.ivr, campaign.callbackUrl]).toEqual([null, null, null]);
  });
});

describe('toCampaignQuery', () => {
  const query = (fields: Partial<ListCampaignsQueryDto>) => Object.assign(new ListCampaignsQueryDto(), fields);

  it('always sends status and deviceType (0: all), with the page as curPage/rowsPerPage', () => {
    expect(toCampaignQuery(query({ page: 3, pageSize: 50 }))).toEqual({ status: 0, deviceType: 0, curPage: 3, rowsPerPage: 50 });
  });

  it('sends the filters as iSales\u2019 codes, the instants in UTC', () => {
    expect(
      toCampaignQuery(
        query({ name: 'x', status: 'paused', deviceType: 'preview', beginsFrom: '2025-05-01T08:00:00.900+08:00', endsBy: '2025-06-01T00:00:00Z' }),
      ),
    ).toEqual({ name: 'x', status: 3, deviceType: 5, beginTime: '2025-05-01 00:00:00', endTime: '2025-06-01 00:00:00', curPage: 1, rowsPerPage: 20 });
  });
});
