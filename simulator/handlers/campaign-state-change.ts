import type { CampaignState } from '../data/records';
import { successBody } from '../envelope';
import { RESULT_CODES } from '../result-codes';
import { ValidationFailure } from '../validation';
import { findCampaign } from './campaign-input';
import type { OperationDefinition } from './operation';
import type { OperationName } from '../types';

/**
 * PUT {vdnId}/{campaignId}/pause and .../resume, no body (docs/isales/next-api-notes.md section 3): 0200007 for a
 * campaign the VDN does not hold, 0200011 unless it is in the one state the page's precondition names.
 */
function stateChange(name: OperationName, from: CampaignState, to: CampaignState): OperationDefinition {
  return {
    name,
    handle({ params, dataset, settings }) {
      const campaign = findCampaign(dataset, params.campaignId);
      if (campaign.state !== from) throw new ValidationFailure(RESULT_CODES.campaignStateForbids, 'campaignId', `the campaign is ${campaign.state}`);
      campaign.state = to;
      delete campaign.rawStatus;
      return successBody({}, settings.envelope, '');
    },
  };
}

export const campaignPause = stateChange('campaignPause', 'running', 'paused');
export const campaignResume = stateChange('campaignResume', 'paused', 'running');
