import { successBody } from '../envelope';
import { RESULT_CODES } from '../result-codes';
import { slicePageNumber } from '../paging';
import { requiredQueryInt, ValidationFailure } from '../validation';
import { servedCampaign, statusOf } from './campaign-input';
import type { OperationDefinition } from './operation';

const STATUSES = new Set([0, 2, 3, 4]);
const DEVICE_TYPES = new Set([0, 1, 2, 3, 5, 6]);
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** Skill-queue device types (predictive, preview, preemptive); the others are IVR. */
const SKILL_QUEUE = new Set([2, 5, 6]);

function optionalTime(query: URLSearchParams, field: string): string | undefined {
  const value = query.get(field);
  if (value === null || value === '') return undefined;
  if (!TIME.test(value) || Number.isNaN(Date.parse(value.replace(' ', 'T') + 'Z'))) {
    throw new ValidationFailure(RESULT_CODES.wrongValue, field, 'yyyy-MM-dd HH:mm:ss');
  }
  return value;
}

/**
 * GET {vdnId}?name&status&deviceType&beginTime&endTime&curPage&rowsPerPage (docs/isales/next-api-notes.md section 3).
 * status and deviceType are required, 0 meaning all; curPage below 1 is corrected to 1; rowsPerPage at most 100.
 * beginTime is the earliest start, endTime the latest end; name matches a part of the name (the page does not say how).
 */
export const campaignList: OperationDefinition = {
  name: 'campaignList',
  handle({ query, dataset, settings }) {
    const name = query.get('name') ?? '';
    if ([...name].length > 30) throw new ValidationFailure(RESULT_CODES.tooLong, 'name', 'at most 30 characters');
    const status = requiredQueryInt(query, 'status', 0, 9);
    if (!STATUSES.has(status)) throw new ValidationFailure(RESULT_CODES.wrongValue, 'status', '0, 2, 3 or 4');
    const deviceType = requiredQueryInt(query, 'deviceType', 0, 9);
    if (!DEVICE_TYPES.has(deviceType)) throw new ValidationFailure(RESULT_CODES.wrongValue, 'deviceType', '0, 1, 2, 3, 5 or 6');
    const beginTime = optionalTime(query, 'beginTime');
    const endTime = optionalTime(query, 'endTime');
    const curPage = Math.max(1, requiredQueryInt(query, 'curPage', -2_147_483_648, 2_147_483_647));
    const rowsPerPage = requiredQueryInt(query, 'rowsPerPage', 1, 100);
    const matches = dataset.outboundCampaigns.filter(
      (campaign) =>
        campaign.name.includes(name) &&
        (status === 0 || statusOf(campaign) === status) &&
        (deviceType === 0 || campaign.deviceType === deviceType) &&
        (beginTime === undefined || campaign.strBeginTime >= beginTime) &&
        (endTime === undefined || campaign.strEndTime <= endTime),
    );
    const data = slicePageNumber(matches, curPage, rowsPerPage).map((campaign) => {
      const { id, name: campaignName, status: served, strBeginTime, strEndTime, deviceType: type, callerNo } = servedCampaign(campaign);
      return { id, name: campaignName, status: served, strBeginTime, strEndTime, deviceType: type, callerNo };
    });
    const running = dataset.outboundCampaigns.filter((campaign) => campaign.state === 'running');
    return successBody(
      {
        curPage,
        totalSize: matches.length,
        rowsPerPage,
        curSkillQueueCount: running.filter((campaign) => SKILL_QUEUE.has(campaign.deviceType)).length,
        curIvrCount: running.filter((campaign) => !SKILL_QUEUE.has(campaign.deviceType)).length,
        data,
      },
      settings.envelope,
    );
  },
};
