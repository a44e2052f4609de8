import { numberOrNull, stringOrNull } from '../../common/mapping/values';
import { campaignTimeOrNull, toCampaignTime } from '../../common/mapping/isales-time';
import { CampaignQuery, IsalesCampaign } from '../../upstream/isales.types';
import { CampaignDto, CampaignStatusFilter, CampaignSummaryDto, DEVICE_TYPES, DeviceType } from './dto/campaign.dto';
import { ListCampaignsQueryDto } from './dto/list-campaigns.query.dto';

// docs/isales/next-api-notes.md section 3. The list and the detail read 4 differently (completed, expired).
const LIST_STATUS: ReadonlyMap<string, string> = new Map([
  ['2', 'started'],
  ['3', 'paused'],
  ['4', 'completed'],
]);
const DETAIL_STATUS: ReadonlyMap<string, string> = new Map([
  ['2', 'started'],
  ['3', 'paused'],
  ['4', 'expired'],
]);
const STATUS_FILTER: Readonly<Record<CampaignStatusFilter, 2 | 3 | 4>> = { started: 2, paused: 3, completed: 4 };
const DEVICE_CODES: readonly number[] = [1, 2, 3, 5, 6];
const DEVICE_NAME: ReadonlyMap<string, DeviceType> = new Map(DEVICE_CODES.map((code, i) => [String(code), DEVICE_TYPES[i]]));
const DEVICE_CODE: ReadonlyMap<DeviceType, number> = new Map(DEVICE_TYPES.map((name, i) => [name, DEVICE_CODES[i]]));

/** A documented value by name; any other value as iSales sent it, as a string (never a 500, never dropped). */
function named(raw: unknown, names: ReadonlyMap<string, string>): string | null {
  const text = stringOrNull(raw);
  return text === null ? null : (names.get(text) ?? text);
}

function integerOrNull(raw: unknown): number | null {
  const value = numberOrNull(raw);
  return value !== null && Number.isSafeInteger(value) ? value : null;
}

/** An object iSales names but does not describe: passed through; anything that is not an object is null. */
function opaque(raw: unknown): Record<string, unknown> | null {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
}

function summary(campaign: IsalesCampaign, statuses: ReadonlyMap<string, string>): CampaignSummaryDto {
  return {
    id: integerOrNull(campaign.id),
    name: stringOrNull(campaign.name),
    status: named(campaign.status, statuses),
    deviceType: named(campaign.deviceType, DEVICE_NAME),
    beginsAt: campaignTimeOrNull(campaign.strBeginTime),
    endsAt: campaignTimeOrNull(campaign.strEndTime),
    callerNumber: stringOrNull(campaign.callerNo),
  };
}

/** One item of the list (the fields of the list page's example). */
export function toCampaignSummary(campaign: IsalesCampaign): CampaignSummaryDto {
  return summary(campaign, LIST_STATUS);
}

/** The detail's returnObject: the fields its table lists, the undescribed sub-objects as they come. */
export function toCampaign(campaign: IsalesCampaign): CampaignDto {
  return {
    ...summary(campaign, DETAIL_STATUS),
    description: stringOrNull(campaign.description),
    maxAlertingSeconds: integerOrNull(campaign.maxAlertingTime),
    schedule: opaque(campaign.scheduleParam),
    ivr: opaque(campaign.ivrParam),
    skill: opaque(campaign.skillParam),
    callbackUrl: stringOrNull(campaign.callBackUrl) || null,
  };
}

/** The list's query string: status and deviceType 0 (all) unless filtered, times in UTC (the campaign pages’ zone). */
export function toCampaignQuery(query: ListCampaignsQueryDto): CampaignQuery {
  return {
    ...(query.name !== undefined && { name: query.name }),
    status: query.status === undefined ? 0 : STATUS_FILTER[query.status],
    deviceType: query.deviceType === undefined ? 0 : (DEVICE_CODE.get(query.deviceType) ?? 0),
    ...(query.beginsFrom !== undefined && { beginTime: toCampaignTime(query.beginsFrom) }),
    ...(query.endsBy !== undefined && { endTime: toCampaignTime(query.endsBy) }),
    curPage: query.page,
    rowsPerPage: query.pageSize,
  };
}
