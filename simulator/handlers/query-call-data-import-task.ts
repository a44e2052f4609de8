import { successBody } from '../envelope';
import { filterByIds, slicePage } from '../paging';
import { RESULT_CODES } from '../result-codes';
import { optionalIdList, parseJsonBody, requiredInt, ValidationFailure } from '../validation';
import type { OperationDefinition } from './operation';

/**
 * POST calldatafile/queryDataImportTask/{campaignId} {offset, limit, importTaskIds?} -> {result, count}
 * (docs/isales/call-results-choices.md §4). A campaign id that is not digits is 0200001; one the VDN
 * does not hold, 0200007.
 */
export const queryCallDataImportTask: OperationDefinition = {
  name: 'queryCallDataImportTask',
  handle({ params, body, dataset, settings }) {
    const campaignId = params.campaignId;
    if (!/^\d{1,32}$/.test(campaignId)) throw new ValidationFailure(RESULT_CODES.parameterError, 'campaignId', 'must be digits');
    const input = parseJsonBody(body);
    const offset = requiredInt(input, 'offset', 0);
    const limit = requiredInt(input, 'limit', 1, 100);
    const ids = optionalIdList(input, 'importTaskIds', settings.maxIds);
    // A campaign is any the VDN holds: one with import tasks, an appointment's task, or one the campaign pages list.
    const known =
      dataset.callDataImportTasks.has(campaignId) ||
      dataset.campaigns.some((campaign) => campaign.taskId === campaignId) ||
      dataset.outboundCampaigns.some((campaign) => String(campaign.id) === campaignId);
    if (!known) throw new ValidationFailure(RESULT_CODES.campaignNotFound, 'campaignId');
    const matches = filterByIds(dataset.callDataImportTasks.get(campaignId) ?? [], ids, (task) => task.id);
    const page = slicePage(matches, offset, limit);
    const payload = settings.dropCount ? { result: page } : { result: page, count: matches.length };
    return successBody(payload, settings.envelope);
  },
};
