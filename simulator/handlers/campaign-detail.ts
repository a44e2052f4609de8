import { successBody } from '../envelope';
import { findCampaign, servedCampaign } from './campaign-input';
import type { OperationDefinition } from './operation';

/** GET {vdnId}/{campaignId}: the campaign in returnObject (docs/isales/next-api-notes.md section 3). */
export const campaignDetail: OperationDefinition = {
  name: 'campaignDetail',
  handle({ params, dataset, settings }) {
    return successBody({ returnObject: servedCampaign(findCampaign(dataset, params.campaignId)) }, settings.envelope);
  },
};
