import { addBusinessResult } from './add-business-result';
import { blocklistAdd } from './blocklist-add';
import { blocklistDelete, blocklistDeleteAll } from './blocklist-delete';
import { blocklistQuery } from './blocklist-query';
import { campaignDetail } from './campaign-detail';
import { campaignList } from './campaign-list';
import { campaignPause, campaignResume } from './campaign-state-change';
import { addServer } from './add-server';
import { appointCreate } from './appoint-create';
import { appointDelete } from './appoint-delete';
import { appointList } from './appoint-list';
import { appointUpdate } from './appoint-update';
import { appointUpdateResult } from './appoint-update-result';
import { deleteServer } from './delete-server';
import type { OperationDefinition } from './operation';
import { queryBusinessResults } from './query-business-results';
import { queryDataImportTask } from './query-data-import-task';
import { queryServer } from './query-server';
import { updateServer } from './update-server';
import { callResultDetail } from './call-result-detail';
import { callBusiResult } from './call-busi-result';
import { queryCallDataImportTask } from './query-call-data-import-task';

export const OPERATIONS: readonly OperationDefinition[] = [
  queryDataImportTask,
  queryServer,
  queryBusinessResults,
  appointList,
  addServer,
  updateServer,
  deleteServer,
  appointCreate,
  appointUpdate,
  appointUpdateResult,
  appointDelete,
  addBusinessResult,
  // Call results, call data and the campaigns' call-data import tasks.
  callResultDetail,
  callBusiResult,
  queryCallDataImportTask,
  // Campaigns and do-not-call numbers.
  campaignList,
  campaignDetail,
  campaignPause,
  campaignResume,
  blocklistQuery,
  blocklistAdd,
  blocklistDelete,
  blocklistDeleteAll,
];
