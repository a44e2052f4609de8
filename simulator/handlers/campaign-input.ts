import type { CampaignState, OutboundCampaign, VdnDataset } from '../data/records';
import { RESULT_CODES } from '../result-codes';
import { ValidationFailure } from '../validation';

/**
 * The status the pages serve for a state (docs/isales/next-api-notes.md section 3): 2 covers "running, calls finished or
 * not started", 3 paused, 4 completed on the list page and expired on the detail page.
 */
const STATUS: Readonly<Record<CampaignState, number>> = { running: 2, 'not-started': 2, paused: 3, completed: 4, expired: 4 };

export function statusOf(campaign: OutboundCampaign): number {
  return campaign.rawStatus ?? STATUS[campaign.state];
}

/** The path's `{campaignId}`: an int (the pause page), else 0200001; a campaign the VDN does not hold, 0200007. */
export function findCampaign(dataset: VdnDataset, raw: string | undefined): OutboundCampaign {
  const id = raw !== undefined && /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(id >= 1 && id <= 2_147_483_647)) throw new ValidationFailure(RESULT_CODES.parameterError, 'campaignId', 'must be an int');
  const campaign = dataset.outboundCampaigns.find((candidate) => candidate.id === id);
  if (!campaign) throw new ValidationFailure(RESULT_CODES.campaignNotFound, 'campaignId');
  return campaign;
}

/** The campaign as the pages serve it: without the simulator's own state, with the status. */
export function servedCampaign(campaign: OutboundCampaign): Record<string, unknown> {
  return {
    id: campaign.id,
    name: campaign.name,
    description: campaign.description,
    status: statusOf(campaign),
    strBeginTime: campaign.strBeginTime,
    strEndTime: campaign.strEndTime,
    deviceType: campaign.deviceType,
    callerNo: campaign.callerNo,
    maxAlertingTime: campaign.maxAlertingTime,
    scheduleParam: campaign.scheduleParam,
    ivrParam: campaign.ivrParam,
    skillParam: campaign.skillParam,
    callBackUrl: campaign.callBackUrl,
  };
}
